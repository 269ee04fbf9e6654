using Payload.GroundStation.Transports;

namespace Payload.GroundStation.Tests.Transports;

public sealed class LinkAddressTests
{
    [Theory]
    [InlineData("tcp://127.0.0.1:5010", LinkScheme.Tcp, "127.0.0.1", 5010, "", "tcp://127.0.0.1:5010")]
    [InlineData("tcp://[::1]:5010", LinkScheme.Tcp, "::1", 5010, "", "tcp://[::1]:5010")]
    [InlineData("udp://localhost:5011?listen=5012", LinkScheme.Udp, "localhost", 5011, "", "udp://localhost:5011?listen=5012")]
    [InlineData("serial:///dev/ttyUSB0?baud=115200", LinkScheme.Serial, "", 0, "/dev/ttyUSB0", "serial:///dev/ttyUSB0?baud=115200")]
    [InlineData("serial://COM3", LinkScheme.Serial, "", 0, "COM3", "serial://COM3")]
    [InlineData("serial:/dev/pts/4", LinkScheme.Serial, "", 0, "/dev/pts/4", "serial:///dev/pts/4")]
    [InlineData("sim:", LinkScheme.Sim, "", 0, "", "sim:")]
    [InlineData("sim:?baud=921600&seed=7", LinkScheme.Sim, "", 0, "", "sim:?baud=921600&seed=7")]
    [InlineData("pty", LinkScheme.Pty, "", 0, "", "pty")]
    public void EachFormReadsAndWritesBack(string uri, LinkScheme scheme, string host, int port, string path, string canonical)
    {
        LinkAddress address = LinkAddress.Parse(uri);

        Assert.Equal(scheme, address.Scheme);
        Assert.Equal(host, address.Host);
        Assert.Equal(port, address.Port);
        Assert.Equal(path, address.Path);
        Assert.Equal(canonical, address.ToString());
    }

    [Fact]
    public void OptionsHaveDefaultsAndTypedValues()
    {
        Assert.Equal(115200, LinkAddress.Parse("serial:///dev/ttyUSB0").Baud);
        Assert.Equal(9600, LinkAddress.Parse("serial:///dev/ttyUSB0?baud=9600").Baud);
        Assert.Equal(0, LinkAddress.Parse("udp://127.0.0.1:5011").ListenPort);
        Assert.Equal(5012, LinkAddress.Parse("udp://127.0.0.1:5011?listen=5012").ListenPort);
        Assert.Equal("127.0.0.1", LinkAddress.Parse("udp://127.0.0.1:5011?bind=127.0.0.1").BindAddress);
    }

    [Theory]
    [InlineData("127.0.0.1:5010", "link '127.0.0.1:5010': unknown scheme '127.0.0.1'")]
    [InlineData("ftp://host:21", "link 'ftp://host:21': unknown scheme 'ftp' (schemes: sim, tcp, serial, udp, pty)")]
    [InlineData("tcp://127.0.0.1", "link 'tcp://127.0.0.1': no port; write tcp://HOST:PORT")]
    [InlineData("tcp://:5010", "link 'tcp://:5010': no host; write tcp://HOST:PORT")]
    [InlineData("tcp://host:70000", "link 'tcp://host:70000': the port must be a number in 0..65535, not '70000'")]
    [InlineData("tcp://host:5010?baud=9600", "link 'tcp://host:5010?baud=9600': unknown option 'baud' (this scheme takes none)")]
    [InlineData("serial:///dev/ttyUSB0?speed=9600", "link 'serial:///dev/ttyUSB0?speed=9600': unknown option 'speed' (options: baud)")]
    [InlineData("serial:///dev/ttyUSB0?baud=fast", "link 'serial:///dev/ttyUSB0?baud=fast': baud must be an integer in 50..100000000, not 'fast'")]
    [InlineData("serial://", "link 'serial://': no device; write serial:///dev/ttyUSB0?baud=115200 (or serial://COM3)")]
    [InlineData("udp://host:5011?listen=99999", "link 'udp://host:5011?listen=99999': listen must be an integer in 0..65535, not '99999'")]
    [InlineData("sim:board", "link 'sim:board': sim: takes no host or path, only options after '?'")]
    public void AWrongUriSaysWhatIsWrong(string uri, string message)
    {
        var error = Assert.Throws<FormatException>(() => LinkAddress.Parse(uri));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
