extension NetworkDescription {
    /// The `--set` assignments that turn `base` into this network, module by
    /// module in network order and field by field in `InceptionWidths.fieldNames`
    /// order, then `factorize`; empty when nothing differs. `base.applying(assignments:)`
    /// with the result gives this network back, so what the explorer shows can be
    /// reproduced from the command line.
    public func widthAssignments(from base: NetworkDescription) -> [String] {
        modules.flatMap { module -> [String] in
            guard let original = base.module(named: module.name.short)?.spec else { return [] }
            let widths = zip(InceptionWidths.fieldNames, zip(module.widths.all, original.widths.all)).compactMap { field, pair in
                pair.0 == pair.1 ? nil : "\(module.name.short).\(field)=\(pair.0)"
            }
            let factorize = module.factorize == original.factorize
                ? [] : ["\(module.name.short).\(Self.factorizeField)=\(module.factorize.rawValue)"]
            return widths + factorize
        }
    }
}
