using System.Diagnostics;

namespace CompassionBot.LoadTest;

/// <summary>Processor time used so far by processes (user and kernel).</summary>
internal static class ProcessCpu
{
    public static TimeSpan Total(IEnumerable<Process> processes)
    {
        ArgumentNullException.ThrowIfNull(processes);
        var total = TimeSpan.Zero;
        foreach (var process in processes)
        {
            process.Refresh();
            total += process.TotalProcessorTime;
        }

        return total;
    }

    public static TimeSpan Current() => Process.GetCurrentProcess().TotalProcessorTime;
}
