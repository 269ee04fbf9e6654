return Payload.NanoCheck.CommandLine.Run(args, Console.Out, Console.Error);
