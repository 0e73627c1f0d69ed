import Testing
@testable import InceptionCore

@Suite struct WidgetDirectiveTests {
    private func parse(_ line: String) throws(LessonDiagnostic) -> WidgetDirective {
        try WidgetDirective.parse(line[...], file: "l.md", line: 7)
    }

    @Test func bareAndQuotedValues() throws {
        let d = try parse(#"::: question id=q1 answer=40 prompt="How many \"channels\"?" note="a\\b" empty="""#)
        #expect(d.name == "question")
        #expect(d.arguments == [
            .init(key: "id", value: "q1"), .init(key: "answer", value: "40"),
            .init(key: "prompt", value: #"How many "channels"?"#), .init(key: "note", value: #"a\b"#),
            .init(key: "empty", value: ""),
        ])
        #expect(d["answer"] == "40")
        #expect(d.line == 7 && d.file == "l.md")
    }

    @Test func valueMayContainEquals() throws {
        #expect(try parse("::: w expr=a=b")["expr"] == "a=b")
    }

    @Test(arguments: [
        (#"::: w prompt="open"#, "unterminated quoted value"),
        ("::: w loose", "argument 'loose' needs a value"),
        ("::: w =3", "has no name"),
        (":::", "expected a space and a widget name"),
        (":::w a=1", "expected a space and a widget name"),
        ("::: a=1", "expected a widget name"),
    ])
    func malformedLinesNameTheProblemAndLine(line: String, message: String) {
        #expect {
            try parse(line)
        } throws: { error in
            guard let d = error as? LessonDiagnostic else { return false }
            return d.description.hasPrefix("l.md:7: ") && d.message.contains(message)
        }
    }
}
