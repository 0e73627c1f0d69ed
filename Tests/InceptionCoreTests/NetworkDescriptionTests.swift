import Testing
@testable import InceptionCore

@Suite struct NetworkDescriptionTests {
    /// Shapes of the tiny preset, worked out by hand from the description.
    @Test func tinyShapesThroughEveryLayer() {
        let shapes = Preset.tiny.description.shapedLayers().map { ($0.layer.name, $0.output.description) }
        let expected = [
            ("stem", "16x32x32"), ("pool1", "16x16x16"), ("inception_3a", "40x16x16"),
            ("inception_3b", "64x16x16"), ("pool2", "64x8x8"), ("inception_4a", "88x8x8"),
            ("gap", "88x1x1"), ("classifier", "10x1x1"),
        ]
        #expect(shapes.map(\.0) == expected.map(\.0))
        #expect(shapes.map(\.1) == expected.map(\.1))
    }

    @Test func googlenetSpatialSizes() {
        let sizes = Preset.googlenet.description.shapedLayers().map { $0.output.h }
        #expect(sizes == [112, 56, 56, 28, 28, 28, 14, 14, 14, 14, 14, 14, 7, 7, 7, 1, 1, 1])
        let tv = Preset.torchvision.description.shapedLayers().map { $0.output.h }
        #expect(tv == [112, 56, 56, 56, 28, 28, 28, 14, 14, 14, 14, 14, 14, 7, 7, 7, 1, 1, 1])
    }

    @Test func setFollowsDownstream() throws {
        let net = try Preset.tiny.description.applying(assignments: ["3a.n1x1=20", "inception_3b.poolproj=0"])
        let shapes = net.shapedLayers()
        #expect(shapes[2].output.c == 52)
        #expect(shapes[3].input.c == 52)
        #expect(shapes[3].output.c == 52)
    }

    @Test(arguments: [
        "3a.n1x1", "3a=4", "9z.n1x1=3", "3a.width=3", "3a.n1x1=-1", "3a.n1x1=70000",
        "3a.n3x3red=0", "3a.n1x1=x",
    ])
    func badAssignmentsAreUserErrors(_ text: String) {
        #expect(throws: UserError.self) { try Preset.tiny.description.applying(assignments: [text]) }
    }

    /// Removing a branch takes two assignments; their order must not matter.
    @Test func removingABranchInEitherOrder() throws {
        for pair in [["3a.n3x3red=0", "3a.n3x3=0"], ["3a.n3x3=0", "3a.n3x3red=0"]] {
            let net = try Preset.tiny.description.applying(assignments: pair)
            #expect(net.shapedLayers()[2].output.c == 24)
        }
    }

    @Test func moduleWithNoBranchIsRejected() {
        #expect(throws: UserError.self) {
            try Preset.tiny.description.applying(assignments: ["3a.n1x1=0", "3a.n3x3=0", "3a.n5x5=0", "3a.poolproj=0"])
        }
    }

    @Test func threeSpellingsOfAModule() {
        for text in ["3a", "inception_3a", "inception3a"] {
            #expect(Preset.tiny.description.module(named: text)?.spec.name.tensor == "inception3a")
        }
    }
}
