using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Housekeeping;
using Payload.Flight.Parameters;
using Payload.Flight.Tests.Events;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Housekeeping;

/// <summary>Housekeeping and event reporting in their steady state allocate nothing.</summary>
public class HousekeepingAndEventsAllocationTests
{
    [Fact]
    public void Ten_thousand_frames_of_housekeeping_and_events_allocate_nothing()
    {
        var builder = new DictionaryBuilder();
        EventRig.Declare(builder);
        HousekeepingRig.Declare(builder);
        var dictionary = builder.Build();
        var parameters = new ParameterTable(dictionary);
        var telemetry = new CountingTelemetrySink();
        var reporter = new EventReporter(dictionary, telemetry, parameters, 50);
        var housekeeping = new HousekeepingService(dictionary, parameters, telemetry);
        long frame = 0;
        void Step()
        {
            parameters.Set(HousekeepingRig.U32, frame);
            reporter.Raise(EventRig.Chatty, frame);
            reporter.Raise(EventRig.Signed, -frame, frame, -frame);
            if (frame % 3 == 0) reporter.Raise(EventRig.Flag, frame & 1);
            reporter.Raise(9999);
            reporter.Run(frame, frame * 10_000);
            housekeeping.Run(frame, frame * 10_000);
            frame++;
        }

        for (int i = 0; i < 500; i++) Step();
        long packetsBefore = telemetry.Packets;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) Step();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        // Per 50-frame window: 3 CHATTY, 5 SIGNED, 5 FLAG, 3 summaries; HK: 5 + about 7 reports.
        Assert.True(telemetry.Packets - packetsBefore > 10_000 / 50 * 16, "the steady state sent too little to prove anything");
        Assert.True(reporter.Suppressed > 0);
        Assert.True(housekeeping.Reports > 0);
    }
}
