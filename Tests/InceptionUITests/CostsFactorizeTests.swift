import InceptionCore
import Testing
@testable import InceptionUI

/// `F` in the Costs view. Hand-counted oracle for tiny's 3a (16 channels at
/// 16x16, 256 positions, widths 8 8 16 4 8 8), paper convention: none 2,400
/// weights (614,400 multiplies); stacked turns the 5x5 (4*8*25 = 800) into
/// 4*8*9 + 8*8*9 = 864, so 2,464 weights, 630,784 multiplies, +2.7%;
/// asymmetric turns the 3x3 (8*16*9 = 1,152) into 8*8*3 + 8*16*3 = 576 and the
/// 5x5 into 4*4*5 + 4*8*5 = 240: 1,264 weights, 323,584 multiplies, -47.3%.
@Suite struct CostsFactorizeTests {
    @Test func cyclesTheSelectedModuleAndShowsTheSavingAt80x24() {
        var app = TestBackend.on(.costs)
        #expect(app.screen.contains("F: factorize 3a"))
        app.type("F")
        #expect(app.costs.network.modules[0].factorize == .stacked)
        #expect(app.statusLine.hasSuffix("3a.factorize = stacked"))
        #expect(app.screen.contains("3a stacked: +2.7% mults vs none"))
        let row = app.lines.first { $0.contains("▶3a st") } ?? ""
        #expect(row.contains("2.5K") && row.contains("631K"))
        #expect(app.costs.request.commandLine().hasSuffix("--set 3a.factorize=stacked"))
        app.type("F")
        #expect(app.costs.network.modules[0].factorize == .asymmetric)
        #expect(app.screen.contains("3a asymmetric: -47.3% mults vs none"))
        #expect((app.lines.first { $0.contains("▶3a as") } ?? "").contains("324K"))
        Snapshot.check(app.lines, named: "costs-asymmetric-80x24")
        app.type("F")
        #expect(app.costs.network.modules[0].factorize == Factorization.none)
        app.type("u")
        #expect(app.costs.network.modules[0].factorize == .asymmetric)
        // Other modules are untouched.
        #expect(app.costs.network.modules.dropFirst().allSatisfy { $0.factorize == Factorization.none })
    }

    /// Without the branches panel (under 160 columns), a taller screen lists the
    /// added convolutions under the bars; at 80x24 there is no free row for them.
    @Test func tallNarrowScreenListsTheAddedConvolutions() {
        var app = TestBackend.on(.costs, size: Size(width: 80, height: 32))
        app.type("F")
        #expect(app.screen.contains("3a adds 5x5 3x3a 4->8, 5x5 3x3b 8->8"))
        var small = TestBackend.on(.costs)
        small.type("F")
        #expect(!small.screen.contains("3a adds"))
    }

    @Test func wideScreenListsTheAddedBranchRows() {
        var app = TestBackend.on(.costs, size: Size(width: 200, height: 60))
        app.type("F")
        #expect(app.screen.contains("Branches of 3a (stacked)"))
        #expect(app.screen.contains("5x5 3x3a") && app.screen.contains("5x5 3x3b"))
        #expect(app.screen.contains("stacked: 2.5K params, 631K mults | none: 2.4K params, 614K mults"))
        Snapshot.check(app.lines, named: "costs-stacked-200x60")
    }

    /// The worked example: 192 -> 96 -> 256, 3x3. Asymmetric: 96*96*3 + 96*256*3
    /// = 101,376 weights against 96*256*9 = 221,184, -54.2%; with the 1x1's
    /// 18,432: 119,808 weights, 122,683,392 multiplies at 32x32.
    @Test func exampleCyclesToo() {
        var app = TestBackend.on(.costs)
        app.type("eFF")
        #expect(app.costs.example.factorize == .asymmetric)
        #expect(app.costs.network.modules[0].factorize == Factorization.none)
        #expect(app.screen.contains("1x1 192->96, 1x3+3x1 ->256"))
        #expect(app.screen.contains("119,808") && app.screen.contains("122,683,392"))
        #expect(app.screen.contains("asymmetric 3x3 -54.2%"))
        #expect(app.costs.exampleRequest.commandLine().hasSuffix("--factorize asymmetric"))
    }
}
