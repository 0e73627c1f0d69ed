/// What a module's factorisation changes: the module counted as built and as
/// it would be with `factorize = none` (the same widths, naive or not), with
/// the convolutions the factorisation adds.
public struct FactorizationSaving: Hashable, Sendable {
    /// One convolution of a factorised kernel with its cost.
    public struct AddedConv: Hashable, Sendable {
        public var conv: BranchConv
        public var cost: CostBreakdown
    }

    public var module: InceptionSpec
    /// The module as built.
    public var factorized: CostBreakdown
    /// The same module with `factorize = none`.
    public var unfactorized: CostBreakdown
    /// The factorised kernels' convolutions (`3x3 1x3`, `5x5 3x3a` ...) with their
    /// costs; empty for `none`.
    public var addedRows: [AddedConv]

    /// The added convolutions in one line: `5x5 3x3a 4->8, 5x5 3x3b 8->8`.
    public var addedSummary: String {
        addedRows.map { "\($0.conv.label) \($0.conv.inChannels)->\($0.conv.outChannels)" }.joined(separator: ", ")
    }

    /// The share of the `none` module's parameters or operations saved (negative: a cost).
    public func saving(_ convention: Convention, unit: CostUnit) -> (parameters: Double?, operations: Double?) {
        let p = convention.parameters(unfactorized)
        return (p == 0 ? nil : 1 - Double(convention.parameters(factorized)) / Double(p),
                convention.saving(reduced: factorized, naive: unfactorized, unit: unit))
    }
}

extension CostModel {
    /// The saving of module `m` (read at `input`) against its `none` design.
    public func factorizationSaving(_ m: InceptionSpec, input: FeatureShape) -> FactorizationSaving {
        var plain = m
        plain.factorize = .none
        let sum = { (branches: [BranchCost]) in branches.reduce(CostBreakdown.zero) { $0 + $1.cost } }
        let positions = input.h * input.w
        let added = KernelBranch.allCases.flatMap { branchConvolutions(m, $0, inChannels: input.c) }
            .filter(\.isFactor)
            .map { FactorizationSaving.AddedConv(conv: $0, cost: convCost($0.inChannels, $0.outChannels, $0.kernelHeight, kernelWidth: $0.kernelWidth,
                                 positions: positions)) }
        return FactorizationSaving(module: m, factorized: sum(moduleBranches(m, input: input)),
                                   unfactorized: sum(moduleBranches(plain, input: input)), addedRows: added)
    }

    /// Every factorised module of the network with its saving, in network order.
    public func factorizationSavings() -> [FactorizationSaving] {
        network.shapedLayers().compactMap { shaped in
            guard case .inception(let m) = shaped.layer, m.factorize != .none else { return nil }
            return factorizationSaving(m, input: shaped.input)
        }
    }
}
