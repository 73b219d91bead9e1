// The entry assembly holds no driver: the translator must find it in SplitLoop.dll.
long n = args.Length > 0 ? long.Parse(args[0]) : 10;
Console.WriteLine(SplitLoop.Counter.Run(n));
return 0;
