using Attest.Web.Infrastructure.Storage;

namespace Attest.Web.Features.Evidence.Uploads;

/// <summary>
/// With the local store, one file per resumable upload in the data folder's <c>uploads/</c>, beside <c>staging/</c> and
/// <c>files/</c>: PATCHes append to it and the evidence page takes it with a rename, so its bytes are written once. Every
/// instance using the local store shares the data folder, so a PATCH may still land on any of them. A request writes
/// only while it holds the file open exclusively (an advisory lock that a killed process lets go of), and commits only
/// under it, so bytes committed by one request are never overwritten by another whose lease ran out.
/// </summary>
public sealed class UploadFiles(string dataFolder)
{
    public string Root { get; } = Path.Combine(dataFolder, "uploads");

    /// <summary>The upload's file held by this request alone, made if need be; null while another request holds it.</summary>
    public FileStream? TryHold(string uploadId)
    {
        Directory.CreateDirectory(Root);
        try
        {
            return new FileStream(PathOf(uploadId), FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            return null;
        }
    }

    /// <summary>Moves the upload's file to <paramref name="path"/>; false when it is not there (another take moved it first).</summary>
    public bool TryMoveOut(string uploadId, string path)
    {
        try
        {
            File.Move(PathOf(uploadId), path);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    public void MoveBack(string path, string uploadId) => File.Move(path, PathOf(uploadId));

    public void Delete(string uploadId)
    {
        if (Directory.Exists(Root))
        {
            File.Delete(PathOf(uploadId));
        }
    }

    /// <summary>Upload files not written to since <paramref name="before"/>, by upload id, for the sweeper.</summary>
    public IEnumerable<string> NotWrittenSince(DateTime before) =>
        Directory.Exists(Root)
            ? new DirectoryInfo(Root).EnumerateFiles().Where(f => StoredNames.IsValid(f.Name) && f.LastWriteTimeUtc < before).Select(f => f.Name)
            : [];

    private string PathOf(string uploadId) => Path.Combine(Root, StoredNames.Check(uploadId));

    /// <summary>A sharing violation: EWOULDBLOCK from the lock on Unix, ERROR_SHARING_VIOLATION on Windows.</summary>
    private static bool IsHeldElsewhere(IOException e) => e.HResult is 11 or 35 or unchecked((int)0x80070020);
}
