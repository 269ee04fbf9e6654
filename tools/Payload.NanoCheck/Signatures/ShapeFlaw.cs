namespace Payload.NanoCheck.Signatures;

/// <summary>A construct inside a type signature that nanoFramework 1.17 cannot handle.</summary>
internal enum ShapeFlaw
{
    /// <summary>A generic instantiation such as <c>System.Action&lt;int&gt;</c>.</summary>
    GenericInstantiation,

    /// <summary>An unmanaged pointer such as <c>int*</c>.</summary>
    Pointer,

    /// <summary>A function pointer such as <c>delegate*&lt;int, int&gt;</c>.</summary>
    FunctionPointer,

    /// <summary>A pinned local (what a <c>fixed</c> statement compiles to).</summary>
    Pinned,

    /// <summary>A general array (ArrayShape): multidimensional or with lower bounds.</summary>
    MultidimensionalArray,

    /// <summary>A method signature with the varargs calling convention (<c>__arglist</c>).</summary>
    VarArgs,
}
