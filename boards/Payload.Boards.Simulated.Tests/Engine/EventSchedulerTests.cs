using Payload.Boards.Simulated.Engine;

namespace Payload.Boards.Simulated.Tests.Engine;

public class EventSchedulerTests
{
    [Fact]
    public void Actions_run_in_time_order_and_ties_in_scheduling_order_whatever_their_kind()
    {
        var scheduler = new EventScheduler();
        var random = new Random(7);
        var ran = new List<(long Time, int Sequence)>();
        var scheduled = new List<(long Time, int Sequence)>();
        Action<long> withArgument = sequence => ran.Add((scheduler.NowMicroseconds, (int)sequence));
        for (var sequence = 0; sequence < 500; sequence++)
        {
            long time = random.Next(0, 50); // many ties
            scheduled.Add((time, sequence));
            if (sequence % 2 == 0)
            {
                var s = sequence;
                scheduler.At(time, () => ran.Add((scheduler.NowMicroseconds, s)));
            }
            else
            {
                scheduler.At(time, withArgument, sequence);
            }
        }

        scheduler.RunUntil(100);

        Assert.Equal(scheduled.OrderBy(a => a.Time).ThenBy(a => a.Sequence), ran);
        Assert.Equal(500, scheduler.ActionsRun);
        Assert.Equal(100, scheduler.NowMicroseconds);
    }

    [Fact]
    public void An_action_scheduled_while_running_for_the_same_instant_runs_after_those_already_due()
    {
        var scheduler = new EventScheduler();
        var ran = new List<string>();
        scheduler.At(10, () =>
        {
            ran.Add("first");
            scheduler.At(10, _ => ran.Add("scheduled by first"), 0);
            scheduler.At(5, () => ran.Add("in the past: now")); // never before now
        });
        scheduler.At(10, () => ran.Add("second"));

        scheduler.RunUntil(10);

        Assert.Equal(["first", "second", "scheduled by first", "in the past: now"], ran);
    }

    [Fact]
    public void Actions_after_the_limit_wait_for_a_later_run()
    {
        var scheduler = new EventScheduler();
        var ran = new List<long>();
        scheduler.After(30, () => ran.Add(scheduler.NowMicroseconds));
        scheduler.After(20, t => ran.Add(t), 20);

        scheduler.RunUntil(25);
        Assert.Equal([20L], ran);
        Assert.Equal(25, scheduler.NowMicroseconds);

        scheduler.RunUntil(40);
        Assert.Equal([20L, 30L], ran);
    }
}
