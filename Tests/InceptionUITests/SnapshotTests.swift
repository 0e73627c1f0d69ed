import Testing

@Suite struct SnapshotTests {
    // Skipped while recording: it would overwrite a real snapshot.
    @Test(.disabled(if: Snapshot.recording)) func aMissingOrDifferentSnapshotFails() {
        withKnownIssue("no such snapshot") {
            Snapshot.check(["anything"], named: "does-not-exist")
        }
        withKnownIssue("the text differs from the stored error box") {
            Snapshot.check(["not the error box"], named: "error-box")
        }
    }
}
