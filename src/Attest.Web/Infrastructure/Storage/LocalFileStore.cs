namespace Attest.Web.Infrastructure.Storage;

/// <summary>The local-disk store: files/ab/abcdef... beside staging/ on the same volume, so promotion is an atomic rename.</summary>
public sealed class LocalFileStore : IFileStore
{
    private readonly string _files;

    public LocalFileStore(string dataFolder)
    {
        _files = Path.Combine(dataFolder, "files");
        Directory.CreateDirectory(_files);
    }

    public Task<StoredFile> PromoteAsync(StagedFile staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var name = StoredNames.New();
        var final = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        File.Move(staged.Path, final);
        return Task.FromResult(new StoredFile(name, staged.Sha256, staged.Size, staged.Head));
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        try
        {
            return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (DirectoryNotFoundException e)
        {
            // A name whose ab/ folder was never made is just as missing: every store reports FileNotFoundException.
            throw new FileNotFoundException($"No stored file {name}.", name, e);
        }
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredEntry> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in new DirectoryInfo(_files).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (StoredNames.IsValid(file.Name))
            {
                yield return new StoredEntry(file.Name, file.LastWriteTimeUtc);
            }
        }

        await Task.CompletedTask;
    }

    public Task<bool> CanWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            var probe = Path.Combine(_files, "health-" + Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return Task.FromResult(true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(false);
        }
    }

    private string PathOf(string name)
    {
        StoredNames.Check(name);
        return Path.Combine(_files, name[..2], name);
    }
}
