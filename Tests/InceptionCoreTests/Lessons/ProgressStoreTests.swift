import Foundation
import Testing
@testable import InceptionCore

@Suite struct ProgressStoreTests {
    @Test func defaultPathFollowsXDG() throws {
        #expect(try ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
                == "/s/inception-explorer/progress.json")
        // The XDG spec says a relative XDG_STATE_HOME is ignored.
        #expect(try ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])
                == "/h/.local/state/inception-explorer/progress.json")
        #expect(throws: UserError.self) { try ProgressStore.defaultPath(environment: [:]) }
    }

    @Test func roundTripCreatesTheDirectory() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let store = ProgressStore(path: root.path + "/deep/er/progress.json")
        #expect(store.load().progress == LessonProgress())
        #expect(store.load().warning == nil)
        var progress = LessonProgress()
        progress.markSeen("01-a.md")
        progress.lessons["02-b.md", default: LessonRecord()].questions["q1"] = QuestionResult(answer: "40", correct: true)
        try store.save(progress)
        let loaded = store.load()
        #expect(loaded.warning == nil)
        #expect(loaded.progress == progress)
        #expect(loaded.progress.isSeen("01-a.md"))
        #expect(!loaded.progress.isSeen("02-b.md"))
    }

    @Test(arguments: ["{not json", "[]", #"{"version": 99, "lessons": {}}"#])
    func corruptFileFallsBackToEmptyWithAWarning(contents: String) throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try root.write(contents, to: "progress.json")
        let loaded = ProgressStore(path: root.path + "/progress.json").load()
        #expect(loaded.progress == LessonProgress())
        #expect(loaded.warning?.contains(root.path + "/progress.json") == true)
    }

    /// A file from before check questions existed (no `questions` key) still loads.
    @Test func recordsWithoutQuestionsLoad() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try root.write(#"{"version": 1, "lessons": {"01-a.md": {"seen": true}}}"#, to: "progress.json")
        let loaded = ProgressStore(path: root.path + "/progress.json").load()
        #expect(loaded.warning == nil)
        #expect(loaded.progress.isSeen("01-a.md"))
    }
}
