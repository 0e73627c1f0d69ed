extension NetworkDescription {
    /// The `--set` field that chooses a module's `Factorization` (`3a.factorize=stacked`).
    public static let factorizeField = "factorize"

    /// A copy with one module's large kernels factorised; widths and shapes are unchanged.
    public func setting(module text: String, factorize: Factorization) throws -> NetworkDescription {
        try settingFactorization(module: text, to: factorize).0
    }

    func settingFactorization(module text: String, to value: Factorization) throws -> (NetworkDescription, ModuleName) {
        let (index, spec) = try existingModule(text)
        var changed = spec
        changed.factorize = value
        var copy = self
        copy.layers[index] = .inception(changed)
        return (copy, spec.name)
    }

    /// The same network with every Inception module factorised the same way.
    public func withFactorization(_ value: Factorization) -> NetworkDescription {
        mappingModules { $0.factorize = value }
    }
}
