import Foundation
import Testing
@testable import InceptionCore

@Suite struct TableRenderingTests {
    let table = Table(
        title: "Sample",
        columns: ["name", "count", "share"],
        rows: [[.text("a, \"quoted\" one"), .integer(1_234_567), .decimal(54.17, places: 1)],
               [.text("line\nbreak"), .empty, .decimal(-0.04, places: 2)],
               [.text("pipe | here"), .integer(-5), .empty]],
        notes: ["convention paper"])

    // RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled;
    // integers plain; empty fields empty.
    @Test func csvQuoting() {
        let expected = """
            name,count,share
            "a, ""quoted"" one",1234567,54.2
            "line
            break",,-0.04
            pipe | here,-5,

            """
        #expect(table.rendered(as: .csv) == expected)
    }

    @Test func jsonIsValidWithNumbersAndNulls() throws {
        let text = table.rendered(as: .json)
        let object = try #require(try JSONSerializationHelper.object(text) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows[0]["name"] as? String == "a, \"quoted\" one")
        #expect(rows[0]["count"] as? Int == 1_234_567)
        #expect(rows[1]["count"] is NSNull)
        #expect(rows[1]["name"] as? String == "line\nbreak")
        #expect(object["notes"] as? [String] == ["convention paper"])
    }

    @Test func markdownShape() {
        let lines = table.rendered(as: .markdown).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "**Sample**")
        #expect(lines[2] == "| name | count | share |")
        #expect(lines[3] == "| --- | ---: | ---: |")
        #expect(lines[4] == "| a, \"quoted\" one | 1234567 | 54.2 |")
        #expect(lines[5] == "| line<br>break |  | -0.04 |")
        #expect(lines[6] == "| pipe \\| here | -5 |  |")
        #expect(lines.contains("- convention paper"))
    }

    // Numbers right-aligned with thousands separators; text left-aligned.
    @Test func textAlignment() {
        let t = Table(title: "T", columns: ["layer", "params"],
                      rows: [[.text("stem"), .integer(144)], [.text("total"), .integer(23_264)]])
        #expect(t.rendered(as: .text) == """
            T
            layer  params
            -----  ------
            stem      144
            total  23,264

            """)
    }

    @Test(arguments: [(1_234_567, "1,234,567"), (-1_000, "-1,000"), (999, "999"), (0, "0")])
    func grouping(n: Int, text: String) {
        #expect(NumberText.integer(n, grouped: true) == text)
    }

    @Test func decimals() {
        #expect(NumberText.decimal(1_018.0, places: 1, grouped: true) == "1,018.0")
        #expect(NumberText.decimal(0.5417, places: 2, grouped: false) == "0.54")
        #expect(NumberText.decimal(-0.004, places: 2, grouped: false) == "0.00")
        #expect(NumberText.decimal(2.7, places: 0, grouped: false) == "3")
        // Past what a UInt64 counts (weights gone wild in a damaged file): no trap.
        #expect(NumberText.decimal(-3e30, places: 3, grouped: false) == "-3e+30")
        #expect(NumberText.decimal(1e14, places: 3, grouped: false) == "100000000000000.000")
    }

    @Test func clock() {
        // 125 s is 2 min 5 s; an unknown time (a first step that took no time) has no digits.
        #expect(NumberText.clock(125) == "2:05")
        #expect(NumberText.clock(59.6) == "1:00")
        #expect(NumberText.clock(-3) == "0:00")
        #expect(NumberText.clock(.infinity) == "-:--")
        #expect(NumberText.clock(.nan) == "-:--")
    }

    @Test func formatNames() throws {
        #expect(try TableFormat.named("CSV") == .csv)
        #expect(throws: UserError.self) { try TableFormat.named("xml") }
    }
}
