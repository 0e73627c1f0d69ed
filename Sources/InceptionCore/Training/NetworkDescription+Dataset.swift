extension NetworkDescription {
    /// Throws unless the network reads the dataset's 1x32x32 images into its ten
    /// classes (GoogLeNet's 3x224x224 and 1000 classes cannot train or run on them);
    /// `name` says which network in the message.
    public func checkReadsDataset(_ name: String) throws {
        let side = GrayImage.networkSide
        guard input == FeatureShape(c: 1, h: side, w: side), classes == ShapeClass.count else {
            throw UserError("\(name) reads \(input) images into \(classes) classes; "
                            + "the dataset has 1x\(side)x\(side) images in \(ShapeClass.count) classes")
        }
    }
}
