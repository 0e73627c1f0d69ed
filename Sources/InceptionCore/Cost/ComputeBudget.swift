/// GoogLeNet's multiply-adds at inference against the budget the paper designed for
/// (§1: "a computational budget of 1.5 billion multiply-adds at inference time"):
/// Table 1's printed ops column summed, and the network counted with the plain and
/// with the separable first layer (`SeparableStem`), which is where the two differ.
public struct ComputeBudget: Hashable, Sendable {
    /// §1's budget, the paper's own figure.
    public static let statedMultiplies = 1_500_000_000

    /// Table 1's ops column as printed, summed (M = 10^6 multiply-adds).
    public let printedOpsM: Double
    /// The network as described, its first layer a plain convolution.
    public let plainMultiplies: Int
    /// The same with the first layer depthwise separable.
    public let separableMultiplies: Int
    public let stem: SeparableStem

    /// The `googlenet` preset: the network Table 1 describes (its first layer is a
    /// plain convolution, so `SeparableStem` always applies).
    public init() {
        let network = Preset.googlenet.description
        printedOpsM = Table1Comparison.printed.values.reduce(0) { $0 + $1.opsM }
        plainMultiplies = Convention.paper.operations(CostModel(network).totals().reduced, unit: .macs)
        stem = SeparableStem(network: network)!
        separableMultiplies = plainMultiplies - stem.plainMultiplies + stem.separableMultiplies
    }
}
