// Foundation is not imported here: its ICU module clashes with the ICU headers libxml2 includes.
import CLibXML2

/// Well-formedness checks with libxml2: an independent XML parser, strict (no recovery), no network.
public enum XMLWellFormedness {
    /// The parser's errors for `bytes` (empty when the document is well-formed), each as
    /// `name:line:column: message`; its warnings too (such as a namespace name that is not an absolute URI)
    /// unless `includingWarnings` is false.
    public static func errors(in bytes: [UInt8], name: String = "document.xml", includingWarnings: Bool = true) -> [String] {
        final class Collector {
            var messages: [String] = []
            var includingWarnings = true
        }
        let collector = Collector()
        collector.includingWarnings = includingWarnings
        let context = Unmanaged.passUnretained(collector).toOpaque()
        // Structured error handlers are per thread in libxml2, so parallel tests do not see each other's errors.
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            guard collector.includingWarnings || error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.pointee.message.map { String(String(cString: $0).drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) } ?? "error"
            collector.messages.append("\(error.pointee.line):\(error.pointee.int2): \(message)")
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlReadMemory(pointer, Int32(buffer.count), name, "UTF-8", Int32(XML_PARSE_NONET.rawValue))
            }
        }
        if let document {
            xmlFreeDoc(document)
        } else if collector.messages.isEmpty {
            collector.messages.append("0:0: libxml2 could not parse the document")
        }
        return collector.messages.map { "\(name):\($0)" }
    }
}
