namespace Switchboard.Dialplan.Functions;

/// <summary>Registers the functions implemented in this project.</summary>
internal static class BuiltinFunctions
{
    public static void RegisterAll(FunctionRegistry registry)
    {
        registry.Register(new GlobalFunction());
        registry.Register(new CallerIdFunction());
        registry.Register(new ChannelFunction());
        registry.Register(new CutFunction());
        registry.Register(new ListFunction("SHIFT", fromFront: true, isWrite: false));
        registry.Register(new ListFunction("POP", fromFront: false, isWrite: false));
        registry.Register(new ListFunction("PUSH", fromFront: false, isWrite: true));
        registry.Register(new ListFunction("UNSHIFT", fromFront: true, isWrite: true));
        registry.Register(new SetFunction());
        registry.Register(new QuoteFunction());
        registry.Register(new UriFunction(encode: true));
        registry.Register(new UriFunction(encode: false));
        registry.Register(new TestFunction("ISNULL"));
        registry.Register(new TestFunction("EXISTS"));
        registry.Register(new TestFunction("LEN"));
        registry.Register(new LocalFunction());
        registry.Register(new IfFunction());
        registry.Register(new IfTimeFunction());
        registry.Register(new FilterFunction());
        registry.Register(new RegexFunction());
        registry.Register(new ReplaceFunction());
        registry.Register(new StrReplaceFunction());
        registry.Register(new StrftimeFunction());
        registry.Register(new RandFunction());
        registry.Register(new CaseFunction(upper: true));
        registry.Register(new CaseFunction(upper: false));
        registry.Register(new DbFunction("DB"));
        registry.Register(new DbFunction("DB_EXISTS"));
        registry.Register(new DbFunction("DB_DELETE"));
        registry.Register(new FieldFunction(position: false));
        registry.Register(new FieldFunction(position: true));
        registry.Register(new SprintfFunction());
        registry.Register(new IncDecFunction(increment: true));
        registry.Register(new IncDecFunction(increment: false));
        registry.Register(new MathFunction());
        registry.Register(new HintFunction());
        registry.Register(new DeviceStateFunction());
        registry.Register(new ValidExtenFunction());
        registry.Register(new TimeoutFunction());
        registry.Register(new ArrayFunction());
        registry.Register(new PassthruFunction());
    }
}
