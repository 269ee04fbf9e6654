using System.Text;

namespace Payload.Dictionary.Xtce;

/// <summary>Turns dictionary names into XTCE names and refuses two items of one kind that would end up with the same name.</summary>
internal sealed class XtceNames
{
    private readonly Dictionary<(XtceNameKind Kind, string Name), string> _owners = [];

    /// <summary>The XTCE NameType form of <paramref name="name"/>: '.', '/', ':', '[', ']' and white space become '_'.</summary>
    public static string Sanitize(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidOperationException("an XTCE name cannot be empty");
        }

        var text = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            text.Append(c is '.' or '/' or ':' or '[' or ']' || char.IsWhiteSpace(c) ? '_' : c);
        }

        return text.ToString();
    }

    /// <summary>Claims the XTCE name of <paramref name="name"/> for <paramref name="owner"/>; returns it.</summary>
    /// <exception cref="InvalidOperationException">Another item of the same kind already has that XTCE name.</exception>
    public string Claim(XtceNameKind kind, string name, string owner)
    {
        string xtceName = Sanitize(name);
        if (!_owners.TryAdd((kind, xtceName), owner))
        {
            throw new InvalidOperationException(
                $"XTCE {kind} name '{xtceName}' of {owner} is already used by {_owners[(kind, xtceName)]}; rename one of them in the dictionary");
        }

        return xtceName;
    }
}
