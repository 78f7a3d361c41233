using System.CommandLine;

namespace Switchboard.Cli;

/// <summary>
/// The <c>switchboard</c> command line: run (default: the embedded demo), -rx/-r remote console, healthcheck,
/// config check, autoban.
/// </summary>
internal static class CommandLineDefinition
{
    public static RootCommand Build()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "Root of the state layout (/srv in the image). Default: $SWITCHBOARD_DATA_DIR or ./switchboard-data", Recursive = true };
        var configDir = new Option<string?>("--config-dir") { Description = "Asterisk-format configuration directory. Default: <data-dir>/etc/asterisk", Recursive = true };
        var remoteExec = new Option<string?>("-rx") { Description = "Run one CLI command on the running PBX and print its output" };
        var remote = new Option<bool>("-r") { Description = "Interactive console to the running PBX" };

        var root = new RootCommand("Switchboard IP PBX. Without a command it runs on the embedded demo configuration.")
        {
            dataDir, configDir, remoteExec, remote,
        };
        root.SetAction((parse, ct) =>
        {
            var dd = DataDirResolver.Resolve(parse.GetValue(dataDir));
            if (parse.GetValue(remoteExec) is { } cmd)
            {
                return RemoteConsole.ExecuteOnceAsync(dd, cmd, ct);
            }

            if (parse.GetValue(remote))
            {
                return RemoteConsole.InteractiveAsync(dd, ct);
            }

            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SYSLOG_LEVEL")))
            {
                Environment.SetEnvironmentVariable("SYSLOG_LEVEL", "6"); // the demo shows what happens (info and up)
            }

            return RunCommand.RunAsync(new RunOptions(dd, parse.GetValue(configDir), Demo: true), ct);
        });

        var run = new Command("run", "Run the PBX on a configuration directory (the image runs `switchboard run --data-dir /srv`)");
        run.SetAction((parse, ct) =>
        {
            var dd = DataDirResolver.Resolve(parse.GetValue(dataDir));
            return RunCommand.RunAsync(new RunOptions(dd, parse.GetValue(configDir), Demo: false), ct);
        });
        root.Add(run);

        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the OPTIONS answer", DefaultValueFactory = _ => 3 };
        var health = new Command("healthcheck", "Exit 0 only when the SIP stack answers a real OPTIONS request") { timeout };
        health.SetAction((parse, ct) =>
        {
            var dd = DataDirResolver.Resolve(parse.GetValue(dataDir));
            return HealthCheckCommand.RunAsync(dd, parse.GetValue(configDir), TimeSpan.FromSeconds(parse.GetValue(timeout)), ct);
        });
        root.Add(health);

        var config = new Command("config", "Configuration tools");
        var check = new Command("check", "Check a configuration directory; prints every error and warning with file:line");
        check.SetAction(parse =>
        {
            var dd = DataDirResolver.Resolve(parse.GetValue(dataDir));
            return ConfigCheckCommand.Run(parse.GetValue(configDir) ?? Path.Combine(dd, "etc", "asterisk"), Console.Out);
        });
        config.Add(check);
        root.Add(config);

        var words = new Argument<string[]>("words") { Arity = ArgumentArity.ZeroOrMore, Description = "autoban show|add|del|list|help ..." };
        var autoban = new Command("autoban", "AutoBan: show, add, del, list (same grammar as the reference's autoban command)") { words };
        autoban.TreatUnmatchedTokensAsErrors = false;
        autoban.SetAction((parse, ct) =>
        {
            var dd = DataDirResolver.Resolve(parse.GetValue(dataDir));
            var rest = parse.GetValue(words) ?? [];
            return RemoteConsole.ExecuteOnceAsync(dd, "autoban " + string.Join(' ', rest.Select(QuoteIfNeeded)), ct);
        });
        root.Add(autoban);

        var websms = new Command("websms", WebSmsDescription);
        AddWebSms(websms, dataDir, configDir);
        root.Add(websms);

        return root;
    }

    /// <summary>
    /// The command line of the executable started as <c>websms</c> (the image's /usr/local/bin/websms link, what
    /// PrivateDial's <c>AGI(${APP_SMS},...)</c> runs): the websms command is the root itself. (Prefixing a "websms"
    /// subcommand does not work there: System.CommandLine names the root after argv[0], and a root and a subcommand
    /// both named websms clash.)
    /// </summary>
    public static RootCommand BuildWebSms()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "Root of the state layout (/srv in the image). Default: $SWITCHBOARD_DATA_DIR or ./switchboard-data" };
        var configDir = new Option<string?>("--config-dir") { Description = "Asterisk-format configuration directory. Default: <data-dir>/etc/asterisk" };
        var root = new RootCommand(WebSmsDescription) { dataDir, configDir };
        AddWebSms(root, dataDir, configDir);
        return root;
    }

    private const string WebSmsDescription = "Send an SMS to the ITSP over HTTP as websms.conf [websms] says (exit 0 when accepted)";

    /// <summary>The websms arguments (TO FROM BODY [INDEX]) and action, on the subcommand or on the websms root.</summary>
    private static void AddWebSms(Command command, Option<string?> dataDir, Option<string?> configDir)
    {
        var smsTo = new Argument<string>("to") { Description = "Destination number" };
        var smsFrom = new Argument<string>("from") { Description = "Sender number" };
        var smsBody = new Argument<string>("body") { Description = "Message text" };
        var smsIndex = new Argument<string?>("index") { Description = "websms.conf interface index (WEBSMS_INDEX)", Arity = ArgumentArity.ZeroOrOne };
        command.Add(smsTo);
        command.Add(smsFrom);
        command.Add(smsBody);
        command.Add(smsIndex);
        command.SetAction((parse, ct) =>
        {
            var dd = DataDirResolver.Resolve(parse.GetValue(dataDir));
            var cd = parse.GetValue(configDir) ?? WebSmsCommand.DefaultConfigDir(dd);
            return WebSmsCommand.RunAsync(cd, parse.GetValue(smsTo)!, parse.GetValue(smsFrom)!, parse.GetValue(smsBody) ?? string.Empty, parse.GetValue(smsIndex), ct);
        });
    }

    private static string QuoteIfNeeded(string word) => word.Contains(' ') || word.Length == 0 ? "\"" + word.Replace("\"", "\\\"") + "\"" : word;
}
