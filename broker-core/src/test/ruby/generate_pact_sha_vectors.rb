#!/usr/bin/env ruby
# frozen_string_literal: true

# Writes the test vectors that io.pactport.core.pact's tests hold Pactport to: what the Pact Broker itself
# computes for a pact when it is published.
#
# The point is to run the broker's OWN code, not a re-reading of it, so the script loads the relevant files of a
# pact_broker checkout (lib/pact_broker/pacts/{generate_sha,content,sort_content,order_hash_keys,
# generate_interaction_sha,parse,interactions/types}.rb and lib/pact_broker/json.rb) and calls them the way
# the broker's publication path does. Only two files are replaced by stubs, because they pull in the broker's
# whole configuration and logging stack: pact_broker/configuration (the one setting the SHA reads,
# base_equality_only_on_content_that_affects_verification_results, at its default: true) and
# pact_broker/logging (measure_info just yields).
#
# The JSON gem matters as much as the broker: it parses the pact and writes the JSON that is hashed and stored
# (float formatting in particular has changed between json releases). The script refuses to run with an older
# json than the checkout's gemspec requires. Debian's ruby ships an older json, so build the required release
# from the ruby/json repository (tag v2.19.9 or later) next to it, for example:
#
#   (work tree of ruby/json at v2.19.9 in /tmp/rjson)
#   for e in parser generator; do
#     mkdir -p /tmp/rjson/obj/$e && (cd /tmp/rjson/obj/$e && ruby /tmp/rjson/ext/json/ext/$e/extconf.rb && make)
#     mkdir -p /tmp/rjson/build/json/ext && cp /tmp/rjson/obj/$e/$e.so /tmp/rjson/build/json/ext/
#   done
#
# (or install the gem with `gem install json -v '>= 2.19.9'` where RubyGems can be reached, and drop the -I flags).
#
# Usage:
#   [PACT_BROKER_COMMIT=<sha>] ruby -I /tmp/rjson/build -I /tmp/rjson/lib broker-core/src/test/ruby/generate_pact_sha_vectors.rb \
#        <pact_broker checkout> broker-core/src/test/resources/pact-sha/inputs \
#        broker-core/src/test/resources/pact-sha/vectors.json
#
# <pact_broker checkout>  a directory holding the broker's lib/ (a git work tree or an export of one)
# <input dir>             pacts/*.json      one pact per file, published as-is
#                         floats.txt        JSON number literals, one a line
#                         strings.json      a JSON array of strings
#                         merges/<case>/original.json, merges/<case>/additional.json
#                                           a pact as published, and a pact PATCHed onto it
# <output file>           optional; standard output when absent
#
# Each pact vector holds either "error" (the broker refuses the pact, or fails on it) or:
#   sha                  PactBroker::Pacts::GenerateSha.call(content), the pact_versions.sha
#   sha_content          the exact string that is SHA-1 hashed (GenerateSha.extract_verifiable_content_for_sha)
#   stored_content       Content.from_json(content).with_ids.to_json, the pact_versions.content
#   interaction_ids      the "_id" of each element of the stored "interactions" array (null for non-objects)
#   message_ids          the same for "messages"
#   interactions_count, messages_count, has_messages   the other pact_versions columns (Repository#create_pact_version)
#   consumer_name, provider_name                       the names the PUT pact resource reads from the content
#
# Each merge vector (PATCH of additional.json onto the consumer version whose pact is original.json; the same
# happens for contracts/publish with onConflict: merge) holds "error", or "conflict" (Merger.conflict?, a 409) and,
# when there is none:
#   original_stored_content  the pact_versions.content of the original, which the merge starts from
#   sha                  the pact_versions.sha of the merged pact: Resources::Pact#pact_version_sha, the SHA of the
#                        PATCH body, not of the merged content
#   merged_json          Merger.merge_pacts(stored original, body), as Service#merge_pact passes it on
#   stored_content       what Service#create_pact_revision stores for it (the merged JSON with ids)
#   interaction_ids, message_ids, interactions_count, messages_count, has_messages   as for a pact
#   stored_content_sha   GenerateSha of stored_content with every _id removed: what a SHA recomputed from the
#                        stored content gives, which differs from sha whenever the merge added something

require "json"
require "digest/sha1"
require "fileutils"
require "tmpdir"

def usage!
  warn "usage: ruby [-I <json>/build -I <json>/lib] #{File.basename(__FILE__)} <pact_broker checkout> <input dir> [<output file>]"
  exit 2
end

usage! unless (2..3).cover?(ARGV.size)
broker_dir, input_dir, output_file = ARGV
broker_lib = File.join(broker_dir, "lib")
abort "#{broker_lib} is not a directory" unless File.directory?(broker_lib)
abort "#{input_dir}/pacts is not a directory" unless File.directory?(File.join(input_dir, "pacts"))

gemspec = File.read(File.join(broker_dir, "pact_broker.gemspec"))
required_json = gemspec[/add_runtime_dependency\s+["']json["']\s*,\s*["']>=\s*([\d.]+)["']/, 1]
if required_json && Gem::Version.new(JSON::VERSION) < Gem::Version.new(required_json)
  abort "json #{JSON::VERSION} is loaded but the Pact Broker requires json >= #{required_json}: " \
        "see the comment at the top of #{File.basename(__FILE__)} for how to load it"
end

stub_dir = Dir.mktmpdir("pact-broker-stubs")
at_exit { FileUtils.remove_entry(stub_dir) }
FileUtils.mkdir_p(File.join(stub_dir, "pact_broker"))
File.write(File.join(stub_dir, "pact_broker", "configuration.rb"), <<~RUBY)
  module PactBroker
    VectorConfiguration = Struct.new(:base_equality_only_on_content_that_affects_verification_results)
    def self.configuration
      @configuration ||= VectorConfiguration.new(true)
    end
  end
RUBY
File.write(File.join(stub_dir, "pact_broker", "logging.rb"), <<~RUBY)
  module PactBroker
    module Logging
      def self.included(base)
        base.extend(self)
      end

      def measure_info(*_args, **_kwargs)
        yield
      end
    end
  end
RUBY
$LOAD_PATH.unshift(broker_lib)
$LOAD_PATH.unshift(stub_dir)

require "pact_broker/version"
require "pact_broker/json"
require "pact_broker/pacts/generate_sha"
require "pact_broker/pacts/content"
require "pact_broker/pacts/interactions/types"
require "pact_broker/pacts/merger"

def error_text(error)
  "#{error.class}: #{error.message}"
end

def ids_of(array)
  return nil unless array.is_a?(Array)

  array.map { |element| element.is_a?(Hash) ? element["_id"] : nil }
end

# What the broker would do with this request body, in the order it does it.
def pact_vector(name, body)
  # BaseResource#params: the body must parse, with the pact parsing options, to an object or an array
  parsed = JSON.parse(body, PactBroker::PACT_PARSING_OPTIONS)
  unless parsed.is_a?(Hash) || parsed.is_a?(Array)
    raise "Expected JSON Object in request body but found #{parsed.class.name}"
  end

  # The contracts/publish path hands the decoded content on as it is; the PUT pact path first re-generates it
  # without whitespace (PactParams.from_request). Both must end in the same sha and stored content.
  put_content = parsed.to_json
  sha = PactBroker::Pacts::GenerateSha.call(body)
  raise "sha differs between the publish and the PUT paths" unless sha == PactBroker::Pacts::GenerateSha.call(put_content)

  # Service#add_interaction_ids
  stored = PactBroker::Pacts::Content.from_json(body).with_ids.to_json
  unless stored == PactBroker::Pacts::Content.from_json(put_content).with_ids.to_json
    raise "stored content differs between the publish and the PUT paths"
  end

  # Repository#create_pact_version
  content = PactBroker::Pacts::Content.from_json(stored)
  has_messages = PactBroker::Pacts::Interactions::Types.for(content).has_messages?

  # PactParams.from_request; it fails on a few odd shapes, which the content path above does not care about
  consumer_name = (parsed.is_a?(Hash) ? parsed.fetch("consumer", {})["name"] : nil) rescue nil
  provider_name = (parsed.is_a?(Hash) ? parsed.fetch("provider", {})["name"] : nil) rescue nil

  {
    "input" => name,
    "sha" => sha,
    "sha_content" => PactBroker::Pacts::GenerateSha.extract_verifiable_content_for_sha(body),
    "stored_content" => stored,
    "interaction_ids" => ids_of(content.interactions),
    "message_ids" => ids_of(content.messages),
    "interactions_count" => content.interactions&.count || 0,
    "messages_count" => content.messages&.count || 0,
    "has_messages" => has_messages,
    "consumer_name" => consumer_name,
    "provider_name" => provider_name
  }
rescue StandardError => e
  { "input" => name, "error" => error_text(e) }
end

# What the broker does for a PATCH of additional_body onto the consumer version whose pact is original_body.
def merge_vector(name, original_body, additional_body)
  original_stored = PactBroker::Pacts::Content.from_json(original_body).with_ids.to_json
  # PactParams.from_request: the body without whitespace, which is what is hashed and merged
  body = JSON.parse(additional_body, PactBroker::PACT_PARSING_OPTIONS).to_json
  vector = { "name" => name, "original_stored_content" => original_stored }
  # Resources::Pact#is_conflict?
  vector["conflict"] = PactBroker::Pacts::Merger.conflict?(original_stored, body)
  return vector if vector["conflict"]

  # Service#merge_pact, then #create_pact_revision (add_interaction_ids) and Repository#update
  merged = PactBroker::Pacts::Merger.merge_pacts(original_stored, body)
  stored = PactBroker::Pacts::Content.from_json(merged).with_ids.to_json
  content = PactBroker::Pacts::Content.from_json(stored)
  vector.merge(
    "sha" => PactBroker::Pacts::GenerateSha.call(body),
    "merged_json" => merged,
    "stored_content" => stored,
    "interaction_ids" => ids_of(content.interactions),
    "message_ids" => ids_of(content.messages),
    "interactions_count" => content.interactions&.count || 0,
    "messages_count" => content.messages&.count || 0,
    "has_messages" => PactBroker::Pacts::Interactions::Types.for(content).has_messages?,
    "stored_content_sha" => PactBroker::Pacts::GenerateSha.call(content.without_ids.to_json)
  )
rescue StandardError => e
  { "name" => name, "error" => error_text(e) }
end

def float_vector(literal)
  value = JSON.parse("[#{literal}]", PactBroker::PACT_PARSING_OPTIONS).first
  { "literal" => literal, "ruby_value" => value.inspect, "json" => value.to_json }
rescue StandardError => e
  { "literal" => literal, "error" => error_text(e) }
end

def bits_of(float)
  [float].pack("G").unpack1("H*")
end

# Doubles given by their IEEE 754 bits, so that the formatting is tested on exactly the double Ruby formatted.
def float_bits_vectors
  random = Random.new(20_260_813)
  floats = []
  floats.concat((-325..308).map { |e| "1e#{e}".to_f })
  floats.concat((-1074..1023).step(7).map { |e| 2.0**e })
  floats.concat([Float::MIN, Float::MAX, Float::EPSILON, 5e-324, 2.2250738585072009e-308, 0.1, 1.0 / 3, 2.0 / 3])
  floats.concat((1..400).map { random.rand(1..10**random.rand(1..9)) * 10.0**random.rand(-12..22) })
  floats.concat((1..400).map { random.rand(1..99_999_999) / 100.0 })
  floats.concat((1..1600).map { [random.rand(2**64)].pack("Q>").unpack1("G") })
  floats.reject { |f| f.nan? || f.infinite? }.uniq { |f| bits_of(f) }.map do |f|
    [bits_of(f), f.to_json]
  end
end

def string_vectors(strings)
  generated = (0..0x7f).map { |c| [c].pack("U") } + ["\u0080", "\u2028", "\u2029", "\u{10ffff}", "\u{1f600}"]
  (strings + generated).map { |s| { "value" => s, "json" => s.to_json } }
end

pacts = Dir[File.join(input_dir, "pacts", "*.json")].sort.map do |path|
  pact_vector(File.basename(path), File.binread(path).force_encoding(Encoding::UTF_8))
end

merges = Dir[File.join(input_dir, "merges", "*")].select { |dir| File.directory?(dir) }.sort.map do |dir|
  read = ->(file) { File.binread(File.join(dir, file)).force_encoding(Encoding::UTF_8) }
  merge_vector(File.basename(dir), read.call("original.json"), read.call("additional.json"))
end

float_literals = File.readlines(File.join(input_dir, "floats.txt"), chomp: true)
                     .map(&:strip).reject { |line| line.empty? || line.start_with?("#") }
strings = JSON.parse(File.read(File.join(input_dir, "strings.json"), encoding: "UTF-8"))

# An exported checkout has no git metadata: PACT_BROKER_COMMIT can name the commit it came from.
commit = ENV.fetch("PACT_BROKER_COMMIT") { Dir.chdir(broker_dir) { `git rev-parse HEAD 2>/dev/null`.strip } rescue "" }
vectors = {
  "generated_by" => {
    "script" => "broker-core/src/test/ruby/generate_pact_sha_vectors.rb",
    "ruby" => RUBY_VERSION,
    "json" => JSON::VERSION,
    "pact_broker" => PactBroker::VERSION,
    "pact_broker_commit" => commit.empty? ? nil : commit
  },
  "pacts" => pacts,
  "merges" => merges,
  "floats" => float_literals.map { |literal| float_vector(literal) },
  "float_bits" => float_bits_vectors,
  "strings" => string_vectors(strings)
}

text = JSON.pretty_generate(vectors) + "\n"
if output_file
  File.write(output_file, text)
  warn "wrote #{pacts.size} pact and #{merges.size} merge vectors to #{output_file}"
else
  $stdout.write(text)
end
