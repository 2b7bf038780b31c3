// libFuzzer entry point for the zip reader: each input is read as a zip export
// (`ActivityFileReader.readEach(bytes:name:)`): its directory checked, every member unpacked,
// nested zips opened, activities decoded and summarised. Small limits keep a bomb from
// measuring memory instead of finding bugs:
//
//   swift build -c release --scratch-path .build-fuzz --product zip-fuzz \
//     -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address
//   .build-fuzz/release/zip-fuzz CORPUS_DIR SEEDS_DIR -runs=1000000
//
// A plain `swift build` compiles the stub `main` below instead, so it never needs libFuzzer.
import ActivityFiles

#if FUZZING
let fuzzReader = ActivityFileReader(limits: ContainerLimits(maximumMemberBytes: 1 << 20, maximumRunBytes: 4 << 20))

@_cdecl("LLVMFuzzerTestOneInput")
public func zipFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = fuzzReader.readEach(bytes: bytes, name: "fuzz.zip") { result in
        for recording in result.result.recordings { _ = recording.summary() }
        if let error = result.result.error { _ = error.message }
    }
    return 0
}

/// libFuzzer's driver, called from the entry point SwiftPM links as `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`; hand control to libFuzzer.
@_cdecl("zip_fuzz_main")
public func zipFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, zipFuzzTestOneInput)
}
#else
@main
enum ZipFuzzStub {
    static func main() {
        print("zip-fuzz: build with -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address to fuzz (see BENCHMARKS.md).")
    }
}
#endif
