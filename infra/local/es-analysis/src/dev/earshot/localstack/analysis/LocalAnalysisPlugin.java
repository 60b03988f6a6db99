/*
 * Earshot local stack: analysis components that the Elasticsearch integ-test-zip lacks.
 *
 * The integ-test-zip (the only Elasticsearch 8 build on Maven Central) ships without the
 * `analysis-common` module, so names that a normal node has built in -- the `english`,
 * `russian`, `estonian` analyzers, the `asciifolding` and `stemmer` filters, the `keyword`
 * and `whitespace` tokenizers, ... -- are unknown and index templates using them are
 * rejected. Lucene's implementations are on the node's classpath anyway
 * (lib/lucene-analysis-common-*.jar); this plugin registers them under the names (and with
 * the settings) that analysis-common uses, so the same template works here and on a real
 * Elasticsearch 8.x. infra/local/stack compiles it with javac against the unpacked
 * distribution and installs it on the local node only; it is never used with Docker.
 *
 * Names already registered by the 8.19 server core are NOT registered again (that would
 * fail at startup): analyzers `standard`/`default`; token filters `stop`, `shingle`,
 * `hunspell`; tokenizer `standard`; pre-configured filter `lowercase`; normalizer
 * `lowercase`. Core also has pre-built (settings-less) `simple`, `whitespace`, `stop`,
 * `keyword` analyzers, but in a different registry: the configurable providers below are
 * the ones analysis-common adds (e.g. `{"type": "stop", "stopwords": [...]}`).
 */
package dev.earshot.localstack.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.SimpleAnalyzer;
import org.apache.lucene.analysis.core.StopAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.EstonianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

public final class LocalAnalysisPlugin extends Plugin implements AnalysisPlugin {

    // ---------------------------------------------------------------- analyzers

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> analyzers = new TreeMap<>();
        // Language analyzers: settings `stopwords` (list, `_english_`-style name, `_none_`),
        // `stopwords_path` and `stem_exclusion`, as in analysis-common.
        analyzers.put("english", language(EnglishAnalyzer.getDefaultStopSet(), EnglishAnalyzer::new));
        analyzers.put("russian", language(RussianAnalyzer.getDefaultStopSet(), RussianAnalyzer::new));
        analyzers.put("estonian", language(EstonianAnalyzer.getDefaultStopSet(), EstonianAnalyzer::new));
        // Configurable versions of the simple ones (core only has settings-less pre-built ones).
        analyzers.put("simple", fixed(SimpleAnalyzer::new));
        analyzers.put("whitespace", fixed(WhitespaceAnalyzer::new));
        analyzers.put("keyword", fixed(KeywordAnalyzer::new));
        analyzers.put(
            "stop",
            (indexSettings, env, name, settings) -> new Provider<>(
                name,
                settings,
                new StopAnalyzer(Analysis.parseStopWords(env, settings, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET))
            )
        );
        return analyzers;
    }

    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> language(
        CharArraySet defaultStopwords,
        BiFunction<CharArraySet, CharArraySet, Analyzer> factory
    ) {
        return (indexSettings, env, name, settings) -> new Provider<>(
            name,
            settings,
            factory.apply(
                Analysis.parseStopWords(env, settings, defaultStopwords),
                Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET)
            )
        );
    }

    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> fixed(Supplier<Analyzer> factory) {
        return (indexSettings, env, name, settings) -> new Provider<>(name, settings, factory.get());
    }

    static final class Provider<T extends Analyzer> extends AbstractIndexAnalyzerProvider<T> {
        private final T analyzer;

        Provider(String name, Settings settings, T analyzer) {
            super(name, settings);
            this.analyzer = analyzer;
        }

        @Override
        public T get() {
            return analyzer;
        }
    }

    // ------------------------------------------------------------ token filters

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        // `lowercase` by name already works (core pre-configures it); this adds the
        // `{"type": "lowercase", "language": "greek|irish|turkish"}` form.
        filters.put("lowercase", (indexSettings, env, name, settings) -> {
            String language = settings.get("language");
            return new Normalizing(name, settings, lowercaser(language));
        });
        filters.put("asciifolding", (indexSettings, env, name, settings) -> {
            boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
            return new Normalizing(name, settings, in -> new ASCIIFoldingFilter(in, preserveOriginal)) {
                @Override
                public TokenStream normalize(TokenStream in) {
                    return new ASCIIFoldingFilter(in, false); // a normalizer must yield one token
                }
            };
        });
        filters.put("stemmer", (indexSettings, env, name, settings) -> {
            String language = settings.get("language", settings.get("name", "porter"));
            return new Plain(name, settings, stemmer(language));
        });
        filters.put("porter_stem", (indexSettings, env, name, settings) -> new Plain(name, settings, PorterStemFilter::new));
        filters.put("kstem", (indexSettings, env, name, settings) -> new Plain(name, settings, KStemFilter::new));
        filters.put(
            "russian_stem",
            (indexSettings, env, name, settings) -> new Plain(name, settings, in -> new SnowballFilter(in, new RussianStemmer()))
        );
        return filters;
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        // Like analysis-common: usable by name without any index (e.g. in _analyze).
        return List.of(
            PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new),
            PreConfiguredTokenFilter.singleton("porter_stem", false, PorterStemFilter::new),
            PreConfiguredTokenFilter.singleton("kstem", false, KStemFilter::new),
            PreConfiguredTokenFilter.singleton("russian_stem", false, in -> new SnowballFilter(in, new RussianStemmer()))
        );
    }

    private static Function<TokenStream, TokenStream> lowercaser(String language) {
        if (language == null) {
            return LowerCaseFilter::new;
        }
        switch (language.toLowerCase(Locale.ROOT)) {
            case "greek":
                return GreekLowerCaseFilter::new;
            case "irish":
                return IrishLowerCaseFilter::new;
            case "turkish":
                return TurkishLowerCaseFilter::new;
            default:
                throw new IllegalArgumentException("language [" + language + "] not support for lower case");
        }
    }

    /** The subset of analysis-common's `stemmer` languages that Earshot's languages need. */
    private static Function<TokenStream, TokenStream> stemmer(String language) {
        switch (language.toLowerCase(Locale.ROOT)) {
            case "english":
            case "porter":
                return PorterStemFilter::new;
            case "porter2":
                return in -> new SnowballFilter(in, new EnglishStemmer());
            case "light_english":
            case "lightenglish":
            case "kstem":
                return KStemFilter::new;
            case "minimal_english":
            case "minimalenglish":
                return EnglishMinimalStemFilter::new;
            case "possessive_english":
            case "possessiveenglish":
                return EnglishPossessiveFilter::new;
            case "russian":
                return in -> new SnowballFilter(in, new RussianStemmer());
            case "light_russian":
            case "lightrussian":
                return RussianLightStemFilter::new;
            case "estonian":
                return in -> new SnowballFilter(in, new EstonianStemmer());
            default:
                throw new IllegalArgumentException(
                    "stemmer language ["
                        + language
                        + "] is not available on the Earshot local stack (its integ-test-zip has no analysis-common module); "
                        + "supported here: english, porter, porter2, light_english, kstem, minimal_english, possessive_english, "
                        + "russian, light_russian, estonian"
                );
        }
    }

    static class Plain extends AbstractTokenFilterFactory {
        private final Function<TokenStream, TokenStream> filter;

        Plain(String name, Settings settings, Function<TokenStream, TokenStream> filter) {
            super(name, settings);
            this.filter = filter;
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return filter.apply(tokenStream);
        }
    }

    /** Filters that may also be used in custom normalizers (keyword fields). */
    static class Normalizing extends Plain implements NormalizingTokenFilterFactory {
        Normalizing(String name, Settings settings, Function<TokenStream, TokenStream> filter) {
            super(name, settings, filter);
        }
    }

    // --------------------------------------------------------------- tokenizers

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> tokenizers = new TreeMap<>();
        // `keyword` is also what custom normalizers are built on: without it the node rejects
        // any index that defines one ("normalizers require analysis-common module").
        tokenizers.put("keyword", (indexSettings, env, name, settings) -> {
            int bufferSize = settings.getAsInt("buffer_size", 256);
            return TokenizerFactory.newFactory(name, () -> new KeywordTokenizer(bufferSize));
        });
        tokenizers.put("whitespace", (indexSettings, env, name, settings) -> {
            int maxTokenLength = settings.getAsInt("max_token_length", 255);
            return TokenizerFactory.newFactory(
                name,
                () -> new WhitespaceTokenizer(WhitespaceTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, maxTokenLength)
            );
        });
        return tokenizers;
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return List.of(
            PreConfiguredTokenizer.singleton("keyword", KeywordTokenizer::new),
            PreConfiguredTokenizer.singleton("whitespace", WhitespaceTokenizer::new)
        );
    }
}
