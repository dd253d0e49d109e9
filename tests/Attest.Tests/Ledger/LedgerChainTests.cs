using Attest.Core.Ledger;

namespace Attest.Tests.Ledger;

/// <summary>The chain's rules without a database: security.md tests 14-15 as pure cases.</summary>
public class LedgerChainTests
{
    private static readonly Guid Centre = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    private sealed class Note(string text) : ISignable
    {
        public Guid Id { get; } = Guid.NewGuid();

        public string LedgerKind => "note";

        public string Text { get; set; } = text;

        public string SignedContent() => new SignedText(LedgerKind).Add("text", Text).ToString();
    }

    private static (List<Note> Notes, List<LedgerEntry> Entries) Chain(int count)
    {
        var notes = Enumerable.Range(1, count).Select(i => new Note($"note {i}")).ToList();
        var entries = new List<LedgerEntry>();
        foreach (var note in notes)
        {
            var entry = LedgerEntry.Sign(Centre, note, "Assessor", Guid.NewGuid(), "Asha Assessor", Now.AddMinutes(entries.Count));
            entry.ChainAfter(entries.LastOrDefault());
            entries.Add(entry);
        }

        return (notes, entries);
    }

    private static Func<LedgerEntry, string?> Current(IEnumerable<Note> notes)
    {
        var byId = notes.ToDictionary(n => n.Id);
        return e => byId.TryGetValue(e.SubjectId, out var note) ? note.SignedContent() : null;
    }

    [Fact]
    public void A_chain_of_unchanged_records_verifies_intact()
    {
        var (notes, entries) = Chain(5);

        var result = LedgerChain.Verify(entries, Current(notes));

        Assert.True(result.Intact);
        Assert.Equal(5, result.Entries);
        Assert.Equal(LedgerEntry.Genesis, entries[0].PreviousHash);
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.EntryHash, pair.First.PreviousHash));
    }

    [Fact]
    public void A_record_changed_after_signing_is_the_first_break_and_the_signed_original_is_kept()
    {
        var (notes, entries) = Chain(4);
        notes[2].Text = "quietly rewritten";

        var result = LedgerChain.Verify(entries, Current(notes));

        Assert.Equal(LedgerBreak.ChangedAfterSigning, result.FirstBreak!.Break);
        Assert.Equal(3, result.FirstBreak.Entry.Sequence);
        Assert.Contains("entry 3 (note signed by Asha Assessor as Assessor", result.FirstBreak.Message, StringComparison.Ordinal);
        Assert.Contains("text: note 3", entries[2].Content, StringComparison.Ordinal);
        Assert.Equal(SignatureState.ChangedAfterSigning, LedgerVerifier.StateOf(notes[2], entries).State);
        Assert.Equal(SignatureState.AsSigned, LedgerVerifier.StateOf(notes[1], entries).State);
    }

    [Fact]
    public void A_removed_entry_breaks_the_sequence_at_the_entry_after_it()
    {
        var (notes, entries) = Chain(4);
        entries.RemoveAt(1);

        var result = LedgerChain.Verify(entries, Current(notes));

        Assert.Equal(LedgerBreak.Gap, result.FirstBreak!.Break);
        Assert.Equal(3, result.FirstBreak.Entry.Sequence);
    }

    [Fact]
    public void An_entry_spliced_in_from_another_chain_breaks_the_link()
    {
        var (notes, entries) = Chain(3);
        var (otherNotes, otherEntries) = Chain(3);
        entries[2] = otherEntries[2];

        var result = LedgerChain.Verify(entries, Current(notes.Concat(otherNotes)));

        Assert.Equal(LedgerBreak.LinkBroken, result.FirstBreak!.Break);
        Assert.Equal(3, result.FirstBreak.Entry.Sequence);
    }

    [Fact]
    public void A_deleted_record_is_named_as_missing()
    {
        var (notes, entries) = Chain(2);
        notes.RemoveAt(0);

        var result = LedgerChain.Verify(entries, Current(notes));

        Assert.Equal(LedgerBreak.SubjectMissing, result.FirstBreak!.Break);
        Assert.Equal(1, result.FirstBreak.Entry.Sequence);
    }

    [Fact]
    public void Signed_text_escapes_newlines_so_one_field_cannot_pose_as_another()
    {
        var honest = new SignedText("k").Add("outcome", "NotYetMet").Add("feedback", "fine").ToString();
        var forged = new SignedText("k").Add("outcome", "NotYetMet").Add("feedback", "fine\noutcome: Met").ToString();

        Assert.Equal(honest.Split('\n').Length, forged.Split('\n').Length);
        Assert.Contains("feedback: fine\\noutcome: Met", forged, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_signed_record_type_can_be_read_back_by_the_verifier()
    {
        var signable = typeof(ISignable).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISignable).IsAssignableFrom(t)).ToList();

        Assert.NotEmpty(signable);
        foreach (var type in signable)
        {
            var kind = (string)type.GetField("Kind")!.GetValue(null)!;
            Assert.True(LedgerVerifier.Kinds.Contains(kind), $"{type.Name} ({kind}) is signed but LedgerVerifier cannot read it back: add it to LedgerVerifier.Readers.");
        }
    }
}
