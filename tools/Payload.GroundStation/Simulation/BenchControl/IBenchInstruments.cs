using Payload.GroundStation.Simulation.Stimulus;

namespace Payload.GroundStation.Simulation.BenchControl;

/// <summary>
/// The instruments of a HIL bench around the board: the radar stimulus (a signal generator on the antenna input), the
/// power supply, and the switch on the spacecraft link. The in-process bench and a simulator process's control port
/// (<see cref="BenchControlProtocol"/>) both go through <see cref="SimulatedBenchInstruments"/>; a bench reaching a control
/// port goes through <see cref="BenchControlClient"/>.
/// </summary>
public interface IBenchInstruments
{
    /// <summary>Flies <paramref name="request"/> over the board's antenna input from now and returns its truth.</summary>
    /// <exception cref="BenchControlException">The stimulus refused or could not be reached.</exception>
    StimulusTruth FlyPass(PassRequest request);

    /// <summary>Power-cycles the board for <paramref name="cause"/>: the flight software reboots from flash; returns the boots so far.</summary>
    /// <exception cref="BenchControlException">The power supply could not be reached.</exception>
    int PowerCycle(string cause);

    /// <summary>True while the link to the spacecraft is connected.</summary>
    /// <exception cref="BenchControlException">The switch could not be reached.</exception>
    bool LinkUp { get; }

    /// <summary>Connects (<c>true</c>) or cuts (<c>false</c>) the link to the spacecraft; the flight software is told, as the spacecraft would tell it.</summary>
    /// <exception cref="BenchControlException">The switch could not be reached.</exception>
    void SetLinkUp(bool up);
}
