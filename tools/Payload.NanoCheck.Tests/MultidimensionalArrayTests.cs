using Payload.NanoCheck.Tests.Fixtures;
using static Payload.NanoCheck.Tests.Fixtures.ReportAssert;

namespace Payload.NanoCheck.Tests;

public class MultidimensionalArrayTests
{
    [Fact]
    public void MultidimensionalArray_IsNF005_InFieldsAndAtEveryAccess()
    {
        // The nanoFramework mscorlib compiles int[,] without complaint: only the metadata processor rejects it.
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static class Grid
                {
                    public static int[,] Cells = new int[4, 4];

                    public static int Read(int x, int y) { return Cells[x, y]; }
                    public static void Write(int x, int y, int v) { Cells[x, y] = v; }
                }
            }
            """);

        Reported(report, RuleIds.MultidimensionalArray, "Fixture.Grid::Cells", "multidimensional array int[,] (field type)");
        Reported(report, RuleIds.MultidimensionalArray, "Fixture.Grid::.cctor", "int[,]::.ctor");
        var read = Reported(report, RuleIds.MultidimensionalArray, "Fixture.Grid::Read", "int[,]::Get");
        Assert.NotNull(read.IlOffset);
        Reported(report, RuleIds.MultidimensionalArray, "Fixture.Grid::Write", "int[,]::Set");
    }

    [Fact]
    public void MultidimensionalArrayNestedInOtherTypes_IsFound()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static class Holder
                {
                    public static int[][,] JaggedOfGrids;
                    public static void Take(ref byte[,,] cube) { }
                }
            }
            """);

        Reported(report, RuleIds.MultidimensionalArray, "Fixture.Holder::JaggedOfGrids", "int[,]");
        Reported(report, RuleIds.MultidimensionalArray, "Fixture.Holder::Take", "byte[,,]");
    }

    [Fact]
    public void JaggedArrays_AreClean()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static class Holder
                {
                    public static int[][] Rows = new int[][] { new int[] { 1, 2 }, new int[3] };
                    public static int Read(int x, int y) { return Rows[x][y]; }
                }
            }
            """);

        Clean(report);
    }
}
