/// A score report written as `ReportJSON.encoder()` encodes it: the synthesized `Codable`
/// fields, snake-cased and in sorted order, nil optionals left out, enums as their raw values.
///
/// Keep in step with the report's fields: `ReportJSONTests` checks that this and `JSONEncoder`
/// print every fixture's report, and a report with every optional field set, identically.
extension ScoreReport {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        if let blueprint {
            json.key("blueprint")
            json.beginObject()
            json.member("budget_words", blueprint.budgetWords)
            json.member("origin", blueprint.origin)
            json.member("sections", blueprint.sections)
            json.endObject()
        }
        json.member("evalcrew_version", evalcrewVersion)
        json.key("findings")
        json.beginArray()
        for finding in findings {
            json.element()
            finding.write(to: &json)
        }
        json.endArray()
        json.key("input")
        input.write(to: &json)
        json.key("post")
        post.write(to: &json)
        json.member("schema_version", schemaVersion)
        json.member("scorer_version", scorerVersion)
        json.key("scorers")
        json.beginArray()
        for scorer in scorers {
            json.element()
            scorer.write(to: &json)
        }
        json.endArray()
        json.key("tasks")
        json.beginArray()
        for task in tasks {
            json.element()
            json.beginObject()
            json.member("agent", task.agent)
            json.member("name", task.name)
            json.member("words", task.words)
            json.endObject()
        }
        json.endArray()
        if let usage {
            json.key("usage")
            usage.write(to: &json)
        }
        json.endObject()
    }
}

extension ScoreReport.InputSummary {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.member("format", format.rawValue)
        json.member("notes", notes)
        json.member("path", path)
        json.member("retrievals", retrievals)
        json.member("sources", sources)
        json.endObject()
    }
}

extension ScoreReport.PostSummary {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        if let fenceWrapper {
            json.key("fence_wrapper")
            json.beginObject()
            json.member("closing_line", fenceWrapper.closingLine)
            json.member("language", fenceWrapper.language)
            json.member("opening_line", fenceWrapper.openingLine)
            json.endObject()
        }
        json.member("has_front_matter", hasFrontMatter)
        json.key("sections")
        json.beginArray()
        for section in sections {
            json.element()
            json.beginObject()
            json.member("level", section.level)
            json.member("line", section.line)
            json.member("title", section.title)
            json.member("words", section.words)
            json.endObject()
        }
        json.endArray()
        json.member("title", title)
        json.member("words", words)
        json.endObject()
    }
}

extension ScoreReport.ScorerSummary {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.member("detail", detail)
        json.member("facts", facts) { json, value in json.string(value) }
        json.member("finding_counts", findingCounts) { json, value in json.int(value) }
        json.key("metrics")
        json.beginArray()
        for metric in metrics {
            json.element()
            json.beginObject()
            json.member("name", metric.name)
            json.member("value", metric.value)
            json.endObject()
        }
        json.endArray()
        json.member("primary_metric", primaryMetric)
        json.member("scorer", scorer)
        json.member("status", status.rawValue)
        json.endObject()
    }
}

extension TokenUsage {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        json.member("cache_creation_tokens", cacheCreationTokens)
        json.member("cached_prompt_tokens", cachedPromptTokens)
        json.member("completion_tokens", completionTokens)
        json.member("prompt_tokens", promptTokens)
        json.member("reasoning_tokens", reasoningTokens)
        json.member("successful_requests", successfulRequests)
        json.member("total_tokens", totalTokens)
        json.endObject()
    }
}

extension Finding {
    func write(to json: inout PrettyJSON) {
        json.beginObject()
        if let evidence {
            json.key("evidence")
            json.beginObject()
            json.member("passage", evidence.passage)
            json.member("score", evidence.score)
            json.member("source", evidence.source)
            json.endObject()
        }
        json.member("kind", kind)
        if let location {
            json.key("location")
            json.beginObject()
            json.member("column", location.column)
            json.member("end_offset", location.endOffset)
            json.member("line", location.line)
            json.member("offset", location.offset)
            json.endObject()
        }
        json.member("match", match)
        json.member("message", message)
        json.member("scorer", scorer)
        json.member("sentence", sentence)
        json.member("severity", severity.rawValue)
        json.endObject()
    }
}
