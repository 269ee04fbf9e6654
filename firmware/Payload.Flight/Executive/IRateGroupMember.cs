namespace Payload.Flight.Executive
{
    /// <summary>A component's periodic step, run by the rate group it is assigned to (F Prime's "sched" port).</summary>
    public interface IRateGroupMember
    {
        /// <summary>Does one cycle of work; must not block. <paramref name="frame"/> is the minor frame number.</summary>
        void Run(long frame, long nowMicroseconds);
    }
}
