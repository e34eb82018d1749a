using System.Diagnostics;

namespace CompassionBot.Tests.Support;

/// <summary>
/// A small tmpfs mounted on a fresh folder, for a disk that really fills up: <see cref="FillAsync"/> takes every free
/// byte, <see cref="Free"/> gives them back. Mounting needs root (CI runs as root): without it the test is skipped, and as
/// root a mount that fails fails the test. Unmounted on dispose (lazily when something still holds a file there), so no
/// mount outlives the test.
/// </summary>
internal sealed class TmpfsMount : IAsyncDisposable
{
    private readonly string _filler;

    private TmpfsMount(string path)
    {
        Path = path;
        _filler = System.IO.Path.Combine(path, "filler");
    }

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> bytes.</summary>
    public static async Task<TmpfsMount> MountAsync(long bytes)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("Mounting a tmpfs needs root (CI runs the tests as root).");
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compassionbot-tests", "tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (exitCode, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path);
        if (exitCode != 0)
        {
            Directory.Delete(path);
            Assert.Fail($"mount -t tmpfs failed as root ({exitCode}): {output}");
        }

        return new TmpfsMount(path);
    }

    /// <summary>Writes a file until the tmpfs has no byte left (ENOSPC), in ever smaller pieces.</summary>
    public async Task FillAsync()
    {
        var stream = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        await using (stream)
        {
            foreach (var size in new[] { 64 * 1024, 4096, 1 })
            {
                var block = new byte[size];
                try
                {
                    while (true)
                    {
                        await stream.WriteAsync(block, TestContext.Current.CancellationToken);
                    }
                }
                catch (IOException)
                {
                    // Full for pieces of this size; smaller ones may still fit in the last page.
                }
            }
        }
    }

    /// <summary>Gives the space <see cref="FillAsync"/> took back.</summary>
    public void Free() => File.Delete(_filler);

    public async ValueTask DisposeAsync()
    {
        if ((await RunAsync("umount", Path)).ExitCode != 0)
        {
            // Something in this process still holds a file there: detach now, the kernel frees it once closed.
            await RunAsync("umount", "-l", Path);
        }

        Directory.Delete(Path, recursive: true);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync(CancellationToken.None) + await process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        return (process.ExitCode, output);
    }
}
