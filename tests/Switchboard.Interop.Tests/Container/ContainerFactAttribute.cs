namespace Switchboard.Interop.Tests.Container;

/// <summary>A fact that needs a Docker engine: skipped (with the reason) only when the tools are absent.</summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SWITCHBOARD_CONTAINER_TESTS") == "0")
        {
            Skip = "container image tests switched off with SWITCHBOARD_CONTAINER_TESTS=0";
        }
        else if (!Shell.OnPath("docker"))
        {
            Skip = "docker client not installed (apt-get install docker.io)";
        }
        else if (Environment.GetEnvironmentVariable("DOCKER_HOST") is null && !Shell.OnPath("dockerd"))
        {
            Skip = "dockerd not installed and DOCKER_HOST not set (apt-get install docker.io)";
        }
        else if (Environment.GetEnvironmentVariable("DOCKER_HOST") is null && Environment.UserName != "root")
        {
            Skip = "no DOCKER_HOST and not root: cannot start a private dockerd";
        }
        else if (!Shell.OnPath("python3"))
        {
            Skip = "python3 not installed (container/stage.py needs it)";
        }
    }
}

/// <summary>A fact that needs bubblewrap and setpriv: skipped (with the reason) only when they are absent.</summary>
public sealed class BubblewrapFactAttribute : FactAttribute
{
    public BubblewrapFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SWITCHBOARD_CONTAINER_TESTS") == "0")
        {
            Skip = "container tests switched off with SWITCHBOARD_CONTAINER_TESTS=0";
        }
        else if (!Shell.OnPath("bwrap"))
        {
            Skip = "bubblewrap not installed (apt-get install bubblewrap)";
        }
        else if (!Shell.OnPath("setpriv"))
        {
            Skip = "setpriv not installed (apt-get install util-linux)";
        }
        else if (Environment.UserName != "root")
        {
            Skip = "dropping to uid 10001 with setpriv needs root";
        }
        else if (!Shell.OnPath("python3"))
        {
            Skip = "python3 not installed (container/stage.py needs it)";
        }
    }
}
