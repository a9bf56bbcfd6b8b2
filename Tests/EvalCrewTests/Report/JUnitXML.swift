import CLibXML2
import Foundation

/// JUnit output read back with libxml2's strict XML parser (no recovery: malformed XML fails).
enum JUnitXML {
    struct Testcase {
        var name: String
        var failure: String?
    }

    static func testcases(_ data: Data) throws -> [Testcase] {
        let doc = data.withUnsafeBytes { bytes in
            xmlReadMemory(bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count), "junit.xml", "UTF-8",
                          Int32(XML_PARSE_NONET.rawValue))
        }
        guard let doc else { throw NSError(domain: "JUnitXML", code: 1, userInfo: [NSLocalizedDescriptionKey: "not well-formed XML"]) }
        defer { xmlFreeDoc(doc) }
        var result: [Testcase] = []
        func walk(_ first: xmlNodePtr?) {
            var node = first
            while let current = node {
                if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == "testcase" {
                    var failure: String?
                    var child = current.pointee.children
                    while let element = child {
                        if element.pointee.type == XML_ELEMENT_NODE, String(cString: element.pointee.name) == "failure",
                           let message = xmlGetProp(element, "message") {
                            failure = String(cString: message)
                            evalcrew_xml_free(message)
                        }
                        child = element.pointee.next
                    }
                    let name = xmlGetProp(current, "name").map { pointer -> String in
                        defer { evalcrew_xml_free(pointer) }
                        return String(cString: pointer)
                    } ?? ""
                    result.append(Testcase(name: name, failure: failure))
                } else {
                    walk(current.pointee.children)
                }
                node = current.pointee.next
            }
        }
        walk(xmlDocGetRootElement(doc))
        return result
    }

    static func testcaseNames(_ data: Data) throws -> [String] { try testcases(data).map(\.name) }
}
