namespace Payload.Hil.Suites.LargeTransfer;

/// <summary>ST[13] large transfers without the instrument: abort and resend of transactions the board does not hold.</summary>
/// <remarks>Transfers themselves start from the instrument (products, snapshots); the acquisition pass suite covers them.</remarks>
public sealed class LargeTransferSuite(ITestOutputHelper output) : BenchTest(output)
{
    [HilFact]
    public void AbortingATransactionThatIsNotUnderWayFails()
    {
        Assert.Equal(0, Bench.GetParameter("lt.active").Raw);

        VerificationReport failure = Bench.SendAndFail(FailureCode.UnknownIdentifier, "LARGE_TRANSFER_ABORT", 4242);

        Assert.Equal(4242, failure.FailureData);
    }

    [HilFact]
    public void ResendingAMessageThatIsNotHeldFails()
    {
        long resent = Bench.GetParameter("lt.parts_resent");

        VerificationReport failure = Bench.SendAndFail(FailureCode.UnknownIdentifier, "LARGE_TRANSFER_RESEND", 4242, 1, 3);

        Assert.Equal(4242, failure.FailureData);
        Assert.Equal(resent, Bench.GetParameter("lt.parts_resent").Raw);
    }
}
