"""Segmentation: lexicon terms stay whole in both engines, words rejoin the text, user terms."""

import pytest

import policytext
from policytext import PolicytextError
from policytext.segmentation import lexicon_terms, tagged, to_halfwidth
from policytext.segmentation.jieba_engine import base_dag, posseg_tokenizer

ENGINES = ["jieba", "pkuseg"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "text,term",
    [
        ("加快发展新质生产力，推动高质量发展", "新质生产力"),
        ("党的二十届三中全会提出，建立可持续的城市更新模式", "二十届三中全会"),
        ("积极推进“平急两用”公共基础设施建设", "平急两用"),
        ("国家发展改革委印发实施方案", "国家发展改革委"),
        ("住房和城乡建设部正式印发通知", "住房和城乡建设部"),
        ("在中央财经委员会第七次会议上指出", "中央财经委员会第七次会议"),
    ],
)
def test_terms_kept_whole(engine, text, term):
    words = policytext.segment(text, engine=engine)
    assert term in words
    assert "".join(words) == text


@pytest.mark.parametrize("engine", ENGINES)
def test_every_lexicon_term_whole_in_context(engine):
    assert len(lexicon_terms()) >= 500
    terms = lexicon_terms(soft=False)
    sample = terms[:: max(1, len(terms) // 150)]
    text = "，".join(f"要推进{t}建设" for t in sample)
    words = set(policytext.segment(text, engine=engine))
    missing = [t for t in sample if t not in words]
    assert not missing


@pytest.mark.parametrize("engine", ENGINES)
def test_lexicon_off_splits_new_formulation(engine):
    assert "新质生产力" not in policytext.segment("加快发展新质生产力", engine=engine, lexicon=False)


@pytest.mark.parametrize("engine", ENGINES)
def test_seed_rejoins(engine, seed_articles):
    for p in seed_articles[1].paragraphs:
        words = p.tokens(engine=engine)
        assert "".join(words) == p.text
    assert "新质生产力" in seed_articles[1].paragraphs[0].tokens(engine=engine)


def test_article_tokens_per_paragraph(seed_articles):
    art = seed_articles[0]
    toks = art.tokens()
    assert len(toks) == len(art.paragraphs)
    assert toks[3] == art.paragraphs[3].tokens()


@pytest.mark.parametrize("engine", ENGINES)
def test_whitespace_and_ascii_kept(engine):
    text = "2024年 GDP 增长5%\t以上\n第二行"
    assert "".join(policytext.segment(text, engine=engine)) == text


def test_add_terms_list_and_file(tmp_path):
    assert "强链补链延链" not in policytext.segment("推动强链补链延链工作")
    assert policytext.add_terms(["强链补链延链"]) == 1
    assert policytext.add_terms(["强链补链延链"]) == 0
    for engine in ENGINES:
        assert "强链补链延链" in policytext.segment("推动强链补链延链工作", engine=engine)
    f = tmp_path / "terms.txt"
    f.write_text("# my terms\n两业融合\n\n", encoding="utf-8")
    assert policytext.add_terms(f) == 1
    assert "两业融合" in policytext.segment("促进两业融合发展")


def test_add_terms_errors(tmp_path):
    with pytest.raises(PolicytextError, match="not a file"):
        policytext.add_terms(str(tmp_path / "missing.txt"))
    with pytest.raises(PolicytextError, match="spaces"):
        policytext.add_terms(["两个 结合"])


@pytest.mark.parametrize("engine", ENGINES)
def test_soft_titles_do_not_break_words(engine):
    words = policytext.segment("城市长期发展，学校长期坚持", engine=engine)
    assert "市长" not in words and "校长" not in words
    assert "总书记" in policytext.segment("习近平总书记强调", engine=engine)


def test_unknown_engine():
    with pytest.raises(PolicytextError, match="unknown engine"):
        policytext.segment("文本", engine="thulac")


def test_tagged_keeps_terms_and_gives_pku_tags():
    pairs = tagged("加快发展新质生产力")
    assert ("新质生产力", "nz") in pairs
    assert "".join(w for w, _ in pairs) == "加快发展新质生产力"
    assert dict(pairs)["发展"].startswith("v")


@pytest.mark.parametrize("engine", ENGINES)
def test_numbers_with_units_are_one_word(engine):
    words = policytext.segment("从11.0万公顷增加到258.0万公顷，绿化覆盖率提升至43.0%，2024年12月", engine=engine)
    for w in ("11.0万", "258.0万", "43.0%", "2024年", "12月"):
        assert w in words


@pytest.mark.parametrize("engine", ENGINES)
def test_fullwidth_digits_read_like_ascii(engine):
    text = "增长１４．９％，ＧＤＰ总量"
    words = policytext.segment(text, engine=engine)
    assert "".join(words) == text
    assert "１４．９％" in words
    assert to_halfwidth(text) == "增长14.9%，GDP总量"


# The jieba engine cuts with its own implementation of jieba's dictionary path (jieba_engine.Dag);
# it must give exactly jieba's words and tags, with and without the HMM, on real text and on
# the characters jieba treats apart (letters, digits, dots, whitespace, full-width forms).
_ODD_LINES = [
    "ABC123 x.y 3.5% a-b  ＡＢＣ１２３ 中国—东盟 2024年\t\r\n  hello world",
    "e.g. COVID-19疫情 5G网络 iPhone15、C919大飞机 #话题# A&B +86",
    "１９９８年增长１４．９％，ＧＤＰ达到７．８万亿元",
    "王从春 曹宏宏 辛  阳 欧阳修说：“城市让生活更美好”",
]


def _corpus_lines() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "corpora"
    files = [root / "guangming-2025-01-27.txt", *sorted((root / "external").glob("*.txt"))[:6]]
    return [line for f in files for line in f.read_text(encoding="utf-8").split("\n") if line] + _ODD_LINES


@pytest.mark.parametrize("lexicon", [True, False])
def test_dictionary_path_is_jiebas(lexicon):
    dag, pos = base_dag(lexicon), posseg_tokenizer(lexicon)
    for line in _corpus_lines():
        assert dag.tagged(line) == [(w.word, w.flag) for w in pos.cut(line, HMM=False)], line
        assert dag.tagged(line, hmm=True) == [(w.word, w.flag) for w in pos.cut(line, HMM=True)], line


def test_hmm_only_on_the_runs_asked_for():
    dag = base_dag(True)
    line = "居民孙立说，南街社区的邓氏翠河也来了"
    full = dag.tagged(line, hmm=True)
    assert ("孙立", "nr") in full and ("邓氏翠", "nr") in full
    assert dag.tagged(line, hmm=lambda run: True) == full
    assert dag.tagged(line, hmm=lambda run: False) == dag.tagged(line)  # no letters or digits: as without HMM
    some = dag.tagged(line, hmm=lambda run: "孙" in run)
    assert ("孙立", "nr") in some and ("邓", "nr") in some and "".join(w for w, _ in some) == line
