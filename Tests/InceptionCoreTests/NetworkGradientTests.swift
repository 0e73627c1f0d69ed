import Testing
@testable import InceptionCore

/// Whole-network backward passes against central finite differences of the
/// training loss, for every parameter tensor (sampled coordinates of each).
@Suite struct NetworkGradientTests {
    /// A stem 1x1 conv, then one Inception module (so the module's input gradient,
    /// summed over its four branches and through the pool branch, is checked too),
    /// GAP and a linear classifier.
    static let moduleNet = NetworkDescription(
        preset: "test", input: FeatureShape(c: 3, h: 6, w: 6), classes: 3,
        layers: [
            .conv(ConvSpec(name: "stem", outChannels: 4, kernel: 1)),
            .inception(InceptionSpec(name: ModuleName("m"), widths: InceptionWidths(2, 2, 3, 1, 2, 2))),
            .globalAvgPool(name: "gap"),
            .linear(name: "classifier", outFeatures: 3),
        ])

    /// Every other kind of row: a conv with `reduce`, strided max pooling, two
    /// modules, an auxiliary head (with its dropout) on the first, the flatten
    /// head with dropout before the classifier.
    static let wholeNet = NetworkDescription(
        preset: "test", input: FeatureShape(c: 1, h: 10, w: 10), classes: 3,
        layers: [
            .conv(ConvSpec(name: "stem", outChannels: 4, kernel: 3, padding: 1, reduce: 3)),
            .inception(InceptionSpec(name: ModuleName("a"), widths: InceptionWidths(2, 2, 3, 1, 2, 2))),
            .maxPool(PoolSpec(name: "pool", kernel: 3, stride: 2, padding: 1)),
            .inception(InceptionSpec(name: ModuleName("b"), widths: InceptionWidths(2, 2, 2, 1, 2, 2))),
            .flatten(name: "flatten"),
            .dropout(name: "dropout", rate: 0.3),
            .linear(name: "classifier", outFeatures: 3),
        ],
        auxHeads: [AuxHeadSpec(name: "aux", after: ModuleName("a"), convOut: 4, hidden: 5, dropout: 0.5)])

    /// Two naive modules (convolutions on the input, the pool branch passed
    /// through), the second reading the first's wider output.
    static let naiveNet = NetworkDescription(
        preset: "test", input: FeatureShape(c: 3, h: 6, w: 6), classes: 3,
        layers: [
            .conv(ConvSpec(name: "stem", outChannels: 4, kernel: 1)),
            .inception(InceptionSpec(name: ModuleName("m"), widths: InceptionWidths(2, 2, 3, 1, 2, 2))),
            .inception(InceptionSpec(name: ModuleName("n"), widths: InceptionWidths(1, 1, 2, 1, 1, 1))),
            .globalAvgPool(name: "gap"),
            .linear(name: "classifier", outFeatures: 3),
        ]).withNaiveModules()

    /// The module network with a factorised module: two stacked 3x3 in place of
    /// the 5x5, or 1xk then kx1 in both kernel branches; and asymmetric naive
    /// modules (the 1xk reads the module input).
    static let stackedNet = moduleNet.withFactorization(.stacked)
    static let asymmetricNet = moduleNet.withFactorization(.asymmetric)
    static let naiveAsymmetricNet = naiveNet.withFactorization(.asymmetric)

    @Test(arguments: [(moduleNet, 0.0), (wholeNet, 0.3), (naiveNet, 0.0), (stackedNet, 0.0), (asymmetricNet, 0.0),
                      (naiveAsymmetricNet, 0.0)])
    func backwardMatchesFiniteDifferences(net desc: NetworkDescription, auxWeight: Double) throws {
        let n = 2
        var net = try InceptionNetwork(desc, seed: 21)
        // Positive biases keep most ReLUs active, so that few finite-difference
        // steps cross a kink (and pooled ReLU outputs rarely tie at 0).
        for e in net.parameters.entries where e.name.hasSuffix(".bias") {
            let data = GradientCheck.random(e.count, seed: 22, scale: 0.1).map { $0 + 0.5 }
            net.parameters[e.name] = Tensor(shape: e.shape, data: data)
        }
        let s = desc.input
        let x = Tensor(shape: [n, s.c, s.h, s.w], data: GradientCheck.random(n * s.count, seed: 23))
        let labels: [Int32] = [0, 2]
        let w = Float(auxWeight)
        // The same dropout masks in every forward pass.
        let loss = { (values: [Float]) -> Double in
            var copy = net
            copy.parameters.values = values
            var rng = SeededGenerator(seed: 24)
            return Double(copy.loss(copy.forward(x, training: true, rng: &rng), labels: labels, auxWeight: w))
        }
        var rng = SeededGenerator(seed: 24)
        let pass = net.forward(x, training: true, rng: &rng)
        #expect(pass.auxLogits.count == desc.auxHeads.count)
        var grads = net.parameters.zeros()
        net.backward(pass, labels: labels, auxWeight: w, into: &grads)
        let all = net.parameters.values
        var (checked, skipped) = (0, 0)
        for e in net.parameters.entries {
            let range = e.offset..<e.offset + e.count
            let counts = GradientCheck.expectMatches(Array(grads.values[range]), at: Array(all[range]), eps: 2e-3, samples: 8,
                                        atol: 5e-4, rtol: 3e-2, scaleTolerance: 1e-2, e.name, maxSkipped: e.count) { part in
                var values = all
                values.replaceSubrange(range, with: part)
                return loss(values)
            }
            checked += counts.checked
            skipped += counts.skipped
        }
        // Kinks inside a step are rare: nearly every sampled coordinate is checked.
        #expect(skipped * 10 <= checked + skipped, "\(skipped) of \(checked + skipped) coordinates not smooth")
    }
}
