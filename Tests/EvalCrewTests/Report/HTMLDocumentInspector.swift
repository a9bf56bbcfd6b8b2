import CLibXML2
import Foundation

/// An HTML report parsed back with libxml2's HTML parser (as a browser would read it), flattened
/// into what the injection tests check: element names, attributes and the text.
struct ParsedHTML {
    struct Element {
        var name: String
        var attributes: [(name: String, value: String)]
        /// All text inside, for the elements whose text the tests read (see `textRecorded`).
        var text: String?

        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    /// Elements whose whole text is kept (reading it for every element would be quadratic).
    static let textRecorded: Set<String> = ["mark", "h1", "h2", "h3", "td", "th", "li", "blockquote", "del", "ins", "dd", "dt", "div", "text", "title"]

    var elements: [Element] = []
    /// Every text node's content, in document order, joined.
    var text = ""
    /// The text of each `<div class="post">` without its finding references (`<sup>`).
    var posts: [String] = []

    init(_ data: Data) throws {
        let doc = data.withUnsafeBytes { bytes in
            htmlReadMemory(bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count), "report.html", "UTF-8",
                           Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue))
        }
        guard let doc else { throw NSError(domain: "ParsedHTML", code: 1, userInfo: [NSLocalizedDescriptionKey: "libxml2 could not parse the report"]) }
        defer { xmlFreeDoc(doc) }
        walk(xmlDocGetRootElement(doc), post: nil)
    }

    /// `post`: the index in `posts` of the post being walked, nil outside (and inside its `<sup>`s).
    private mutating func walk(_ first: xmlNodePtr?, post: Int?) {
        var node = first
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                var attributes: [(String, String)] = []
                var attribute = current.pointee.properties
                while let property = attribute {
                    let name = String(cString: property.pointee.name)
                    let value = xmlGetProp(current, property.pointee.name).map { pointer -> String in
                        defer { evalcrew_xml_free(pointer) }
                        return String(cString: pointer)
                    } ?? ""
                    attributes.append((name, value))
                    attribute = property.pointee.next
                }
                let name = String(cString: current.pointee.name).lowercased()
                var text: String?
                if Self.textRecorded.contains(name), let content = xmlNodeGetContent(current) {
                    text = String(cString: content)
                    evalcrew_xml_free(content)
                }
                elements.append(Element(name: name, attributes: attributes, text: text))
                var childPost = name == "sup" ? nil : post
                if name == "div" && attributes.contains(where: { $0.0 == "class" && $0.1 == "post" }) {
                    posts.append("")
                    childPost = posts.count - 1
                }
                walk(current.pointee.children, post: childPost)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    let piece = String(cString: content)
                    text += piece
                    if let post { posts[post] += piece }
                }
            default:
                break
            }
            node = current.pointee.next
        }
    }

    /// Elements named `name`.
    func elements(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Every attribute of every element.
    var attributes: [(element: String, name: String, value: String)] {
        elements.flatMap { element in element.attributes.map { (element.name, $0.name, $0.value) } }
    }
}
