import Testing
@testable import InceptionCore

/// Counts pinned by hand arithmetic from the definitions of the presets.
@Suite struct CostModelTests {
    let tiny = CostModel(Preset.tiny.description)

    func total(_ model: CostModel, _ convention: Convention, _ unit: CostUnit = .macs) -> (params: Int, ops: Int) {
        let t = model.totals().reduced
        return (convention.parameters(t), convention.operations(t, unit: unit))
    }

    // Weights of tiny, by hand:
    //   stem 1*16*9 = 144
    //   3a (in 16):  16*8 + 16*8 + 8*16*9 + 16*4 + 4*8*25 + 16*8   = 2,400
    //   3b (in 40):  40*16 + 40*16 + 16*24*9 + 40*8 + 8*12*25 + 40*12 = 7,936
    //   4a (in 64):  64*24 + 64*16 + 16*32*9 + 64*8 + 8*16*25 + 64*16 = 11,904
    //   classifier 88*10 = 880                                   total 23,264
    // Biases: 16 + 52 + 88 + 112 + 10 = 278                        -> 23,542
    @Test func tinyParameters() {
        #expect(total(tiny, .paper).params == 23_264)
        #expect(total(tiny, .torchinfo).params == 23_542)
        #expect(total(tiny, .fvcore).params == 23_542)
        #expect(total(tiny, .ptflops).params == 23_542)
    }

    // Multiply-adds of tiny: stem 144*32*32 = 147,456; 3a 2,400*256 = 614,400;
    // 3b 7,936*256 = 2,031,616; 4a 11,904*64 = 761,856; classifier 880 -> 3,556,208.
    // torchinfo adds one per bias per output element:
    //   16*1024 + 52*256 + 88*256 + 112*64 + 10 = 59,402 -> 3,615,610.
    // ptflops adds the ReLU outputs (the same conv outputs, 59,392) and the pooling
    // inputs: pool1 16*32*32 + 3a pool 16*256 + 3b pool 40*256 + pool2 64*256
    //   + 4a pool 64*64 + gap 88*64 = 56,832 -> 3,731,834.
    @Test func tinyConventionTotals() {
        #expect(total(tiny, .paper).ops == 3_556_208)
        #expect(total(tiny, .torchinfo).ops == 3_615_610)
        #expect(total(tiny, .fvcore).ops == 3_556_208)
        #expect(total(tiny, .ptflops).ops == 3_731_834)
    }

    // FLOPs double only the conv and linear multiply-adds: 2*3,556,208 = 7,112,416,
    // and torchinfo's 59,402 bias additions are counted once: 7,171,818.
    @Test func flopsDoubleOnlyMultiplyAdds() {
        #expect(total(tiny, .paper, .flops).ops == 7_112_416)
        #expect(total(tiny, .torchinfo, .flops).ops == 7_171_818)
    }

    // torchvision's GoogLeNet without aux heads, by hand (each conv: weights + 2 BN per channel):
    //   stem 3*64*49 + 64*64 + 64*192*9 + 2*(64+64+192), every module with a 3x3
    //   "5x5" branch, fc 1024*1000 + 1000 = 6,624,904 (torchvision's published count).
    @Test func torchvisionParameters() {
        let model = CostModel(Preset.torchvision.description)
        for convention in [Convention.torchinfo, .fvcore, .ptflops] {
            #expect(total(model, convention).params == 6_624_904)
        }
    }

    // torchvision conv1: 9,408 weights at 112*112 = 12,544 positions = 118,013,952
    // multiply-adds; 64*12,544 = 802,816 outputs; BN has 128 parameters.
    @Test func batchNormCountsPerConvention() throws {
        let conv1 = try #require(CostModel(Preset.torchvision.description).layers().first).reduced
        #expect(Convention.paper.operations(conv1, unit: .macs) == 118_013_952)
        #expect(Convention.torchinfo.operations(conv1, unit: .macs) == 118_013_952 + 128)
        #expect(Convention.fvcore.operations(conv1, unit: .macs) == 118_013_952 + 2 * 802_816)
        #expect(Convention.ptflops.operations(conv1, unit: .macs) == 118_013_952 + 802_816 + 2 * 802_816)
        #expect(Convention.paper.parameters(conv1) == 9_408)
        #expect(Convention.torchinfo.parameters(conv1) == 9_408 + 128)
    }

    // Naive 3a of tiny, same input (16 channels at 16x16): 16*8 + 16*16*9 + 16*8*25
    // = 5,632 weights, x256 = 1,441,792; its output is 8 + 16 + 8 + 16 = 48 channels.
    @Test func naiveModuleReadsTheSameInput() {
        let layer = tiny.layers()[2]
        #expect(Convention.paper.parameters(layer.naive) == 5_632)
        #expect(Convention.paper.operations(layer.naive, unit: .macs) == 1_441_792)
        #expect(layer.naiveOutput.c == 48)
        #expect(layer.naiveBranches.map(\.name) == ["1x1", "3x3", "5x5", "pool"])
        #expect(layer.branches.map(\.name) == ["1x1", "3x3 reduce", "3x3", "5x5 reduce", "5x5", "pool", "pool proj"])
    }

    // Whole naive GoogLeNet: 3a 192 -> 64+128+32+192 = 416; 3b 416 -> 128+192+96+416 = 832;
    // 3b naive weights 416*128 + 416*192*9 + 416*96*25 = 1,770,496.
    @Test func wholeNaiveCompounds() {
        let layers = CostModel(Preset.googlenet.description).layers(wholeNaive: true)
        #expect(layers[4].naiveOutput.c == 416)
        #expect(layers[5].naiveInput.c == 416)
        #expect(layers[5].naiveOutput.c == 832)
        #expect(Convention.paper.parameters(layers[5].naive) == 1_770_496)
        // The reduced columns are unchanged by the reading.
        #expect(Convention.paper.parameters(layers[5].reduced) == 388_096)
    }

    // Removing 3a's 5x5 branch (n5x5=0) drops 16*4 + 4*8*25 = 864 weights and
    // ignores its reduce; 3b's input shrinks by 8 channels: 8*(16+16+8+12) = 416 fewer.
    @Test func removedBranchAndDownstreamInput() throws {
        let net = try Preset.tiny.description.applying(assignments: ["3a.n5x5=0"])
        let layers = CostModel(net).layers()
        #expect(Convention.paper.parameters(layers[2].reduced) == 2_400 - 864)
        #expect(!layers[2].branches.map(\.name).contains("5x5 reduce"))
        #expect(Convention.paper.parameters(layers[3].reduced) == 7_936 - 416)
    }

    // GoogLeNet conv2 as one row: 64*64 (1x1 reduce) + 64*192*9 = 114,688 weights at 56*56.
    @Test func convRowWithReduce() {
        let conv2 = CostModel(Preset.googlenet.description).layers()[2]
        #expect(Convention.paper.parameters(conv2.reduced) == 114_688)
        #expect(Convention.paper.operations(conv2.reduced, unit: .macs) == 114_688 * 3_136)
    }

    // Tiny aux head: avg pool 5/3 on 64x16x16 -> 64x4x4; conv 64*32 = 2,048 weights at 16
    // positions; fc1 512*64 = 32,768; fc2 64*10 = 640 -> 35,456 weights, 66,176 multiply-adds.
    @Test func auxHead() throws {
        let aux = try #require(tiny.auxHeads().first)
        #expect(Convention.paper.parameters(aux.total) == 35_456)
        #expect(Convention.paper.operations(aux.total, unit: .macs) == 66_176)
        #expect(CostModel(Preset.googlenet.description).auxHeads().count == 2)
    }

    @Test func costsCSVColumnsAndRows() {
        let tinyTable = tiny.costsTable(convention: .paper, unit: .macs, wholeNaive: false)
        let header = tinyTable.rendered(as: .csv).split(separator: "\n").first.map(String.init)
        #expect(header?.hasPrefix("layer,type,in_c,out_h,out_w,out_c,n1x1,n3x3red,n3x3,n5x5red,n5x5,poolproj,params,multiplies,naive_params,naive_multiplies") == true)
        #expect(tinyTable.column("layer") == ["stem", "pool1", "inception_3a", "inception_3b", "pool2",
                                              "inception_4a", "gap", "classifier", "total"].map(TableCell.text))
        let google = CostModel(Preset.googlenet.description).costsTable(convention: .paper, unit: .macs, wholeNaive: false)
        #expect(google.column("layer") == ["conv1", "pool1", "conv2", "pool2", "inception_3a", "inception_3b", "pool3",
                                           "inception_4a", "inception_4b", "inception_4c", "inception_4d", "inception_4e",
                                           "pool4", "inception_5a", "inception_5b", "avgpool", "dropout", "linear",
                                           "total"].map(TableCell.text))
        #expect(Set(google.column("type")) == Set(["conv", "maxpool", "inception", "avgpool", "dropout", "linear", "total"].map(TableCell.text)))
        // conv2 shows its reduce in the paper's columns: #3x3 reduce 64, #3x3 192.
        #expect(google.row(named: "conv2")?[7] == .integer(64))
        #expect(google.row(named: "conv2")?[8] == .integer(192))
    }
}
