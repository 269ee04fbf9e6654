using Payload.Ground;
using Payload.Ground.Verbs;

return Dispatcher.Run(args, Console.Out, Console.Error);
