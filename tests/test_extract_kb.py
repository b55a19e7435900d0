"""The curated knowledge base: loading, matching, spellings and case rules."""

from __future__ import annotations

import re
import shutil

import pytest
from extract_fixtures import by_name, extract, labels

from kg.errors import UserError
from kg.extract import resources as res_mod
from kg.extract.resources import NameFinder, is_stop, is_stop_unit, resources, zh_ending
from kg.extract.shapes import key_of
from kg.model import ENTITY_TYPES


def test_extract_kb_loads_several_hundred_typed_entries() -> None:
    kb = resources().kb
    assert len(kb) >= 500
    assert {e.etype for e in kb.values()} <= set(ENTITY_TYPES)
    assert kb["h100"].etype == "Hardware"
    assert kb["grpo"].etype == "Method"


@pytest.mark.parametrize(
    ("sentence", "name", "etype"),
    [
        ("在 MMLU 和 GSM8K 上评估。", "MMLU", "Dataset"),
        ("使用 PyTorch 与 DeepSpeed 训练。", "DeepSpeed", "Software"),
        ("使用 GRPO 进行强化学习。", "GRPO", "Method"),
        ("对比 GPT-4o。", "GPT-4o", "Model"),
        ("在 Hellaswag 上提升。", "HellaSwag", "Dataset"),
        # a rack of the chips is a product of its own, not a form of the chip
        ("在 GB200 NVL72 上训练。", "GB200 NVL72", "Hardware"),
        ("以 Sentinel-2 影像为输入。", "Sentinel-2", "Hardware"),
        ("相较 IFS ENS，CRPS 更低。", "IFS ENS", "Model"),
        # the longest known spelling wins over a shorter one inside it
        ("CRPS 优于 ECMWF IFS ENS。", "IFS ENS", "Model"),
        ("以 S.U.N.（稳定、唯一、新颖）比例衡量。", "S.U.N.", "Metric"),
        ("与人工排名的 Kendall τ 为 0.82。", "Kendall's Tau", "Metric"),
        # collections papers take as data, though a website serves them
        ("利用 GPT-4V 对 PubMed 中的医学图文对去噪。", "PubMed", "Dataset"),
        ("在 LeetCode 和 LiveCodeBench 上带来提升。", "LeetCode", "Dataset"),
        ("在 HEALPix 网格上建模全球天气。", "HEALPix", "Method"),
        ("RougeL 提升 3 分。", "ROUGE-L", "Metric"),
        ("在 KITTI 上 AbsRel 与 δ<1.25 指标均领先。", "δ1", "Metric"),
        ("在 FaceSim-Arc、FaceSim-Cur 与 FID 上领先。", "FaceSim-Cur", "Metric"),
        ("在 Virtual KITTI 上训练。", "Virtual KITTI", "Dataset"),
        # universities and companies by their Chinese names
        ("由牛津大学与 Stability AI 合作完成。", "Oxford University", "Organization"),
        ("由微软与苏黎世联邦理工学院联合发布。", "ETH Zurich", "Organization"),
        # control and adapter networks and policy families are techniques
        ("与 ControlNet、IP-Adapter 兼容。", "ControlNet", "Method"),
        ("动作头沿用 Diffusion Policy。", "Diffusion Policy", "Method"),
        ("在 PANDA 病理数据集上评估。", "PANDA", "Dataset"),
        # classic techniques by their Chinese names
        ("无需泊松重建或 TSDF 融合。", "Poisson Surface Reconstruction", "Method"),
        ("无需泊松重建或 TSDF 融合。", "TSDF Fusion", "Method"),
        ("门控 Delta 规则保留线性循环状态。", "Gated Delta Rule", "Method"),
        # classic techniques by their Chinese names
        ("用 3D 高斯泼溅表示场景。", "3D Gaussian Splatting", "Method"),
        ("以模型预测控制跟踪轨迹。", "Model Predictive Control", "Method"),
        ("训练采用专家并行。", "Expert Parallelism", "Method"),
        # PEFT is the Hugging Face library; the family of techniques is generic
        ("基于 Hugging Face PEFT 与 LLaMA-Factory 实现。", "PEFT", "Software"),
        ("PiSSA 已合并进 PEFT 库。", "PEFT", "Software"),
        # the browser and desktop-control tools of computer-use agents
        ("在 Chromium 浏览器中用 xdotool 控制。", "Chromium", "Software"),
        ("在 Chromium 浏览器中用 xdotool 控制。", "xdotool", "Software"),
        ("通过 pyautogui 执行点击。", "PyAutoGUI", "Software"),
        # the two released schedule-free optimisers are each their own method
        ("提供 Schedule-Free SGD 和 Schedule-Free AdamW 两个版本。", "Schedule-Free SGD", "Method"),
        (
            "提供 Schedule-Free SGD 和 Schedule-Free AdamW 两个版本。",
            "Schedule-Free AdamW",
            "Method",
        ),
        # reasoning tasks reported one by one, and released variants by their own spellings
        ("在 Coin Flip、Web of Lies 与多步算术上评估。", "Web of Lies", "Dataset"),
        ("在 Multi-step Arithmetic 上优于贪心解码。", "Multistep Arithmetic", "Dataset"),
        ("在 24 点游戏与 Mini Crosswords 上评测。", "Game of 24", "Dataset"),
        ("在 Python Programming Puzzles 上评测。", "Python Programming Puzzles", "Dataset"),
        # data and long-context tests by their other usual spellings
        ("先在 Slimpajama 长文本上继续预训练。", "SlimPajama", "Dataset"),
        ("在 Open Assistant 人类偏好数据上评测。", "OpenAssistant", "Dataset"),
        ("在 PG19 语言建模与 Passkey 检索上评测。", "Passkey Retrieval", "Dataset"),
        ("优于 Real-ESRGAN、SD x4 Upscaler 等方法。", "Stable Diffusion x4 Upscaler", "Model"),
        # two releases of a camera are two devices
        ("数据由 ZED 2 相机采集，并与 ZED 2i 对比。", "ZED 2", "Hardware"),
        ("数据由 ZED 2 相机采集，并与 ZED 2i 对比。", "ZED 2i", "Hardware"),
        ("与商用的 Runway Gen-3 Alpha 互有胜负。", "Gen-3 Alpha", "Model"),
        ("分别得到 PE lang 和 PE spatial。", "PE-Spatial", "Model"),
        ("在 Zephyr-β 设置下，KTO 优于 DPO。", "Zephyr-7B", "Model"),
        ("采用 RTN 与 K-Means 初始化。", "RTN", "Method"),
        ("基于 Inspect 框架评测，训练使用 slime 框架。", "slime", "Software"),
        ("基于 Inspect 框架评测，训练使用 slime 框架。", "Inspect AI", "Software"),
        # identity and control adapters are methods, like IP-Adapter and ControlNet
        ("与 InstantID、PhotoMaker 和 IP-Adapter-FaceID 对比。", "InstantID", "Method"),
        ("同时超过 OminiControl 与 DreamBooth。", "OminiControl", "Method"),
        # supercomputers and HPC centres
        ("在于利希超级计算中心的 JUWELS Booster 上预训练。", "JUWELS Booster", "Hardware"),
        (
            "在于利希超级计算中心的 JUWELS Booster 上预训练。",
            "Jülich Supercomputing Centre",
            "Organization",
        ),
        # well-known techniques written only in Chinese
        ("无需时长模型或单调对齐搜索。", "Monotonic Alignment Search", "Method"),
        ("训练采用近端策略优化。", "PPO", "Method"),
        ("用无迹卡尔曼滤波融合观测。", "Unscented Kalman Filter", "Method"),
        # a force field by its family and name
        ("在 OpenMM 中以 AMBER ff14SB 力场做能量最小化。", "ff14SB", "Method"),
        # a Chinese name with a Latin word, a plural spelling, a lighting technique
        ("采用 Top-k 采样生成。", "Top-k Sampling", "Method"),
        ("带 Set-of-Marks（SoM）标注的网页截图。", "Set-of-Mark Prompting", "Method"),
        ("用球面高斯估计场景光照。", "Spherical Gaussians", "Method"),
        # a hyphened generation or release
        ("在 TPU-v5 上训练。", "TPU v5", "Hardware"),
        ("在 KITTI 与 NYU-v2 上评估深度。", "NYU Depth V2", "Dataset"),
    ],
)
def test_extract_kb_matches_known_names(sentence: str, name: str, etype: str) -> None:
    found = by_name(extract(results=sentence))
    assert name in found
    assert found[name].etype in (etype, "Benchmark" if etype == "Dataset" else etype)
    assert found[name].in_kb


def test_extract_kb_alias_keeps_written_form() -> None:
    e = by_name(extract(usage="实验使用 MS-COCO 数据集。"))["COCO"]
    assert "MS-COCO" in labels(e)


@pytest.mark.parametrize(
    "sentence",
    [
        "这是 Math reasoning 的问题。",
        "一个 atlas 式的地图。",
        "Drop 掉部分样本。",
        "针对 VLLM 的越狱攻击。",  # a vision LLM, not the engine vLLM
        # a title-case English word is none of the names it spells with inner capitals
        "估计 Camera Pose 的误差。",  # not PoSE
        "按 Quest 模式执行。",  # not QueST
        # units, values and notations are no names
        "一个设计的亲和力达到 3.2 nM。",
        "实验结合率（K_D < 1 μM）达到 24.6%。",
        "省去全局同步（梯度裁剪、NaN 检查）。",
        "输入为目标分子的 SMILES 字符串。",
    ],
)
def test_extract_kb_case_rules_reject_ordinary_words(sentence: str) -> None:
    assert extract(usage=sentence).entities == ()


@pytest.mark.parametrize(
    ("sentence", "present"),
    [
        # the Hugging Face library where a library word follows or software is listed beside it
        ("开源模型可通过 vLLM 或 Transformers 后端推理。", True),
        ("也可通过 Transformers 与 vLLM 部署。", True),
        ("只需约 20 行代码接入 transformers 推理流程。", True),
        # elsewhere the plural of the architecture, a generic word
        ("我们研究了 Transformers 的归纳偏置。", False),
        ("Vision Transformers 与 CNN 的对比。", False),
    ],
)
def test_extract_kb_transformers_library_by_its_context(sentence: str, present: bool) -> None:
    found = by_name(extract(usage=sentence))
    assert ("Hugging Face Transformers" in found) is present
    if present:
        assert found["Hugging Face Transformers"].etype == "Software"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # two words run together spell the camel-cased name in title case
        ("基于 Megablocks 实现 MoE 训练。", "MegaBlocks"),
        ("先在 Slimpajama 上继续预训练。", "SlimPajama"),
        ("并与 Transfuser 对比。", "TransFuser"),
    ],
)
def test_extract_kb_title_case_of_a_camel_cased_name(sentence: str, name: str) -> None:
    assert name in by_name(extract(usage=sentence))


def test_extract_kb_title_case_word_is_no_coined_technique() -> None:
    # Infinigen, the scene generator, is not InfiniGen, the KV-cache method
    assert "InfiniGen" not in by_name(extract(usage="代码构建在 Infinigen 程序化生成库之上。"))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("声学模块采用 flow matching 训练。", "Flow Matching"),
        ("推理时使用 speculative decoding 加速。", "Speculative Decoding"),
    ],
)
def test_extract_kb_known_technique_of_several_words_in_lower_case(
    sentence: str, name: str
) -> None:
    found = by_name(extract(usage=sentence))
    assert found[name].etype == "Method", sorted(found)


def test_extract_kb_chinese_alias_gives_english_name() -> None:
    e = by_name(extract(results="平均准确率提升了 5%。"))["Accuracy"]
    assert e.etype == "Metric"
    assert any(a.text == "准确率" and a.lang == "zh" for a in e.aliases)


def test_extract_kb_bad_data_file_is_a_user_error(tmp_path, monkeypatch) -> None:
    bad = tmp_path / "kb"
    bad.mkdir()
    for name in res_mod._KB_FILES:
        (bad / name).write_text("GPT-4o\t\nGPT-4o\tdup\n", encoding="utf-8")
    monkeypatch.setattr(res_mod, "KB_DIR", bad)
    with pytest.raises(UserError, match="duplicate"):
        res_mod._load_kb()


def test_extract_kb_spelling_of_two_entries_is_a_user_error(tmp_path, monkeypatch) -> None:
    bad = tmp_path / "kb"
    bad.mkdir()
    for name in res_mod._KB_FILES:
        (bad / name).write_text("", encoding="utf-8")
    (bad / "metric.tsv").write_text("CHAIR\tCHAIR_s\nCHAIR_S\t\n", encoding="utf-8")
    monkeypatch.setattr(res_mod, "KB_DIR", bad)
    with pytest.raises(UserError, match=r"metric.tsv:2: 'CHAIR_S' of 'CHAIR_S' is already"):
        res_mod._load_kb()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Spearman 相关系数达 0.83。", "Spearman Correlation"),
        ("加速比 3.6×。", "Speedup"),
        ("平均接受长度为 4.9。", "Acceptance Length"),
        ("在 LVOS v2 上 J&F 达到 87.9。", "J&F"),
        # glossed in English, the measure is named (the bare Chinese word is not)
        ("推理延迟 (Latency) 约 410ms。", "Latency"),
        ("吞吐量 (Throughput) 提升 1.7 倍。", "Throughput"),
        ("主观评测采用 CMOS 与 SMOS。", "Comparative Mean Opinion Score"),
        ("SLO 达成率从 81% 提升至 96%。", "SLO Attainment"),
        ("微平均准确率和宏平均准确率分别高出 42.9%。", "Macro Average Accuracy"),
        ("宏平均 F1 提升 2 分。", "Macro-F1"),
    ],
)
def test_extract_kb_metrics_named_in_chinese_or_with_ampersand(text: str, name: str) -> None:
    found = by_name(extract(results=text))
    assert found[name].etype == "Metric"


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # listed with attention variants, GQA is grouped-query attention
        ("覆盖 MHA、GQA、MLA 与块稀疏注意力等变体。", "Grouped-Query Attention", "Method"),
        # listed with benchmarks, the GQA benchmark
        ("在 GQA、MMBench、TextVQA 上保持 97%。", "GQA", "Dataset"),
        # beside another error measure, MAE is the mean absolute error
        ("零样本的 MSE/MAE 已可比肩全量训练。", "Mean Absolute Error", "Metric"),
        ("以 MAE 预训练的 ViT-L 为编码器。", "MAE", "Method"),  # masked autoencoding
        # right after a Chinese term, or before a head word, of the other sense
        ("骨干采用分组查询注意力 GQA。", "Grouped-Query Attention", "Method"),
        ("骨干采用 GQA 注意力。", "Grouped-Query Attention", "Method"),
        ("在 GQA 基准上评估。", "GQA", "Dataset"),
        # the Alpaca data, not the Alpaca model, where the text says so
        ("在 Alpaca 数据集上微调。", "Alpaca-52K", "Dataset"),
        ("再用 Alpaca 英文指令数据微调。", "Alpaca-52K", "Dataset"),
        ("用 Alpaca 中文版本对比。", "Alpaca", "Model"),
        # instruction tuning on them: the data
        ("在 Dolly 和 Alpaca 上进行联邦指令微调。", "Alpaca-52K", "Dataset"),
        ("在 Dolly 和 Alpaca 上进行联邦指令微调。", "databricks-dolly-15k", "Dataset"),
        ("对比 Alpaca 与 Vicuna 模型。", "Alpaca", "Model"),
        ("在 MATH、Minerva 和 OlympiadBench 上评估。", "Minerva Math", "Dataset"),
        # a Chinese term of the other sense glossed by the spelling
        ("对权重矩阵做奇异值分解（SVD），保留主成分。", "Singular Value Decomposition", "Method"),
        ("对权重做奇异值分解 SVD。", "Singular Value Decomposition", "Method"),
        ("以 SVD 为视频生成骨干。", "Stable Video Diffusion", "Model"),
        # in a sentence on the other sense's topic
        ("仅保留 50%（GQA 模型）的检索头即可。", "Grouped-Query Attention", "Method"),
        ("可直接用于 GQA 模型，并能与 KV 缓存量化叠加。", "Grouped-Query Attention", "Method"),
        ("对权重矩阵做 SVD 并保留前 k 个分量。", "Singular Value Decomposition", "Method"),
        # MuJoCo's Hopper listed with its sibling tasks; the GPU architecture elsewhere
        ("在 Hopper、Walker2d、HalfCheetah 上评估。", "MuJoCo Hopper", "Dataset"),
        ("基于 Hopper 架构的 GPU 上运行。", "Hopper", "Hardware"),
        # a topic word inside a longer name is no topic (`KVQuant`)
        ("在 GQA 上与 KVQuant 对比。", "GQA", "Dataset"),
    ],
)
def test_extract_kb_listed_names_choose_a_homonyms_sense(text: str, name: str, etype: str) -> None:
    found = by_name(extract(results=text))
    assert name in found, sorted(found)
    assert found[name].etype in (etype, "Benchmark" if etype == "Dataset" else etype)


@pytest.mark.parametrize(
    ("kwargs", "name", "etype"),
    [
        # a platform or tool named as a set of data is that data
        ({"results": "在合成的 Kubric 数据集上评估 3D 跟踪。"}, "Kubric", "Dataset"),
        ({"results": "在 TikTok 数据集上比较 PSNR。"}, "TikTok", "Dataset"),
        # listed with data only, a platform is the data taken from it
        (
            {"usage": "语料混合 FineWeb、Wikipedia、StackExchange 和 OpenWebMath。"},
            "Stack Exchange",
            "Dataset",
        ),
        # and keeps that sense through the paper
        (
            {"usage": "在 Kubric 数据集上训练。", "results": "Kubric 上 EPE 最低。"},
            "Kubric",
            "Dataset",
        ),
        # so is a known model's name, where it names data only
        (
            {"results": "在 Video-MME、ActivityNet-QA 和 Video-ChatGPT 等基准上。"},
            "Video-ChatGPT",
            "Dataset",
        ),
        ({"usage": "从 HuatuoGPT-Vision 评测集中抽取 600 条样本。"}, "HuatuoGPT-Vision", "Dataset"),
        # and a known method's (its data set of the same name)
        ({"results": "在 MMLU、GSM8K 与 Self-Instruct 上评估。"}, "Self-Instruct", "Dataset"),
        ({"results": "对比 CoT 与 Self-Consistency。"}, "Self-Consistency", "Method"),
        # and a known organisation's (`FDA` among retrieval sets)
        ({"results": "在 SWDE、FDA、TriviaQA 与 NQ 上提升明显。"}, "FDA", "Dataset"),
        ({"usage": "由 Google、Meta 与 FDA 联合发布。"}, "FDA", "Organization"),
        # a model that is also compared with stays a model; so is a baseline (`为基准`)
        (
            {"usage": "预训练语料包括 Chronos 训练语料。", "results": "超过 Chronos 系列模型。"},
            "Chronos",
            "Model",
        ),
        ({"results": "以 GPT-4o 为基准。"}, "GPT-4o", "Model"),
        # a platform used as such stays software
        ({"usage": "代码与权重已在 GitHub 开源。"}, "GitHub", "Software"),
        ({"usage": "在 Habitat 模拟器中运行导航任务。"}, "Habitat", "Software"),
        ({"usage": "基于 PyTorch、DeepSpeed 与 Wikipedia 语料训练。"}, "PyTorch", "Software"),
    ],
)
def test_extract_kb_known_name_named_as_data_is_a_dataset(
    kwargs: dict, name: str, etype: str
) -> None:
    found = by_name(extract(**kwargs))
    assert name in found, sorted(found)
    assert found[name].etype in (etype, "Benchmark" if etype == "Dataset" else etype)


@pytest.mark.parametrize(
    ("text", "names", "absent"),
    [
        # a measure after the acronym of the quantity it aggregates is one metric with it
        ("在 ScanNet 上平均 ATE RMSE 约为 5.9 cm。", {"ATE RMSE"}, {"ATE", "RMSE"}),
        ("VCRE AUC 提升 3 个点。", {"VCRE AUC"}, {"AUC"}),
        ("F0 RMSE 更低。", {"F0 RMSE"}, {"RMSE"}),
        # a benchmark before it is where the measure was taken
        ("在 KITTI RMSE 为 2.1。", {"KITTI", "RMSE"}, {"KITTI RMSE"}),
        # two measures listed stay two
        ("MSE、MAE 均下降。", {"MSE"}, {"MSE MAE"}),
    ],
)
def test_extract_kb_measure_of_a_named_quantity_is_one_metric(
    text: str, names: set[str], absent: set[str]
) -> None:
    found = by_name(extract(results=text))
    assert names <= set(found), sorted(found)
    assert not absent & set(found)
    assert all(found[n].etype == "Metric" for n in names if n != "KITTI")


def test_extract_kb_homonym_of_an_unknown_sense_is_a_user_error(tmp_path, monkeypatch) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(res_mod.KB_DIR, kb)
    (kb / "homonyms.tsv").write_text("GQA\tNo Such Entry\n", encoding="utf-8")
    monkeypatch.setattr(res_mod, "KB_DIR", kb)
    res_mod.resources.cache_clear()
    try:
        with pytest.raises(UserError, match="homonyms.tsv:1"):
            res_mod.resources()
    finally:
        res_mod.resources.cache_clear()


@pytest.mark.parametrize(
    ("words", "text"),
    [
        (["准确率", "平衡准确率", "成功率", "攻击成功率"], "平衡准确率很高，攻击成功率与准确率"),
        (["a", "ab", "abc", "b"], "abcab a ab abd b"),
        (["峰值信噪比", "信噪比", "峰值"], "峰值信噪比与信噪比及峰值"),
        # more first characters than one guarded group holds: the groups and their guards
        (
            [chr(0x4E00 + 7 * i) + "率" for i in range(130)] + [chr(0x4E00 + 7 * 99) + "率高"],
            "".join(chr(0x4E00 + 7 * i) + "率，" for i in range(0, 140, 3))
            + chr(0x4E00 + 7 * 99)
            + "率高"
            + chr(0x4E00 + 7 * 129)
            + "率"
            + chr(0x4E00 + 7 * 130)
            + "率",
        ),
    ],
)
def test_extract_kb_name_finder_finds_the_longest_name(words: list[str], text: str) -> None:
    flat = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    finder = NameFinder(words)
    assert list(finder.finditer(text)) == [(*m.span(), m.group()) for m in flat.finditer(text)]
    for k in range(len(text)):
        assert finder.search(text[k:]) == (flat.search(text[k:]) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "采用攻击成功率（ASR）与平衡准确率评估，Top-k采样与 Top-k 采样，t检验",
        "在 3D高斯泼溅 与3D 高斯溅射上，CLIP分数、CLIP 得分和皮尔逊相关系数",
        "准确率准确率率准确，峰值信噪比（PSNR）与结构相似性，\n困惑度",
        "",
    ],
)
def test_extract_kb_name_finder_matches_the_alternation_of_the_kb(text: str) -> None:
    """The knowledge base's Chinese names (one name's end the next one's start, Latin-led
    names) found as the flat alternation of all of them finds them."""
    names = resources().kb_zh
    flat = re.compile("|".join(re.escape(w) for w in sorted(names, key=len, reverse=True)))
    found = list(resources().zh_names.finditer(text))
    assert found == [(*m.span(), m.group()) for m in flat.finditer(text)]


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("基于 Qwen2.5 VL 7B 微调", [["Qwen2.5", "VL", "7B"]]),
        ("Dr. GRPO 优于 PPO", [["Dr", "GRPO"], ["PPO"]]),  # a title's dot stays in the run
        ("xDr. GRPO", [["xDr"], ["GRPO"]]),  # no title after a letter
        ("A  B\nC", [["A"], ["B"], ["C"]]),  # two spaces or a line break end a run
        ("在 2xH100 上", [["H100"]]),  # a glued device count is not part of the name
    ],
)
def test_extract_kb_runs_are_words_one_space_apart(text: str, runs: list[list[str]]) -> None:
    from kg.extract.kb_ruler import _find_runs

    got = _find_runs(text)
    assert [[tok for _, _, tok in run] for run in got] == runs
    assert all(text[s:e].endswith(tok) for run in got for s, e, tok in run)


def test_extract_kb_homonym_keeps_its_sense_through_the_paper() -> None:
    x = extract(
        usage="骨干采用分组查询注意力 GQA。",
        results="针对 GQA 组内共享 KV 的特点设计数据加载。",
    )
    found = by_name(x)
    assert "GQA" not in found
    assert found["Grouped-Query Attention"].etype == "Method"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # letters and digits glued where the knowledge base hyphenates them
        ("已支持 Qwen2、Phi3 等架构。", "Phi-3"),
        ("以 Qwen2.5VL 为基座。", "Qwen2.5-VL"),
        # and a hyphen before the version where the knowledge base glues it
        ("利用强模型（如 Seed-1.6）校验字幕。", "Seed1.6"),
    ],
)
def test_extract_kb_glued_spelling_finds_the_entry(text: str, name: str) -> None:
    found = by_name(extract(usage=text))
    assert found[name].etype == "Model", sorted(found)


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # an upper-case spelling must keep its case, not its spaces
        ("在单张 RTX-4090 上训练。", "RTX 4090", "Hardware"),
        ("在 GSM-8K 上评测。", "GSM8K", "Benchmark"),
    ],
)
def test_extract_kb_exact_case_spelling_allows_separators(text: str, name: str, etype: str) -> None:
    found = by_name(extract(usage=text))
    assert found[name].etype == etype, sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "## 📄 Structured 3D Latents for Scalable 3D Generation",  # a title's words, not data
        "用 Rtx-4090 命名的变量。",  # the case of an exact-case spelling still matters
    ],
)
def test_extract_kb_split_version_needs_a_versioned_entry(text: str) -> None:
    found = by_name(extract(usage=text))
    assert not {"Structured3D", "RTX 4090"} & set(found), sorted(found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a release written as its repository spells it, and a product's long name
        ("在 Stable Diffusion v1-5（SD v1-5）上蒸馏。", "Stable Diffusion 1.5"),
        ("对比 GPT-4o（GPT-4 Omni）。", "GPT-4o"),
        # an English-only checkpoint is one of its own; a board named in Chinese
        ("识别错误率低于 Whisper tiny.en。", "Whisper Tiny.en"),
        ("适合在树莓派等边缘设备上运行。", "Raspberry Pi"),
        ("接近 GPT-4 Code Interpreter 的水平。", "GPT-4 Code Interpreter"),
        ("视觉编码器默认使用冻结的 CLIP ViT-L/14-336px。", "CLIP ViT-L/14"),
        ("零样本检测优于 G-DINO。", "Grounding DINO"),
        ("在华为昇腾 NPU 上完成训练。", "Ascend"),
        ("推理时调用 Google 搜索。", "Google Search"),
        ("在 128K 长度的“大海捞针”测试中全部命中。", "Needle in a Haystack"),
        ("在 Arena-Hard-Auto 上评测。", "Arena-Hard"),
        ("在 Franka Emika 机械臂上完成真机实验。", "Franka Emika Panda"),
        ("改写为关键词后调用 Google Search API。", "Google Search"),
        ("推理时结合 NTK-Aware Scaled RoPE 外推分辨率。", "NTK-aware scaling"),
        ("基于 RCSB PDB 构建蛋白质问答数据集。", "Protein Data Bank"),
        ("树搜索采用 Sequential Halving 逐轮淘汰候选。", "Sequential Halving"),
        # quantization functions written in lower case
        ("权重采用 absmean 量化。", "absmean"),
        ("激活采用逐 token 的 8-bit absmax 量化。", "absmax"),
        # techniques known by their English names; the Chinese words alone are plain words
        ("用强制对齐（Forced Alignment）得到句级时间戳。", "Forced Alignment"),
        # edge modules named without their product line
        ("优化后在 NVIDIA Orin NX 上推理。", "Jetson Orin NX"),
        ("部署在 Orin Nano 上。", "Jetson Orin Nano"),
        # lambda-return algorithms named with their glued lambda
        ("对短轨迹计算 Q(λ) 回报作为目标。", "Q(λ)"),
        ("与 SARSA(λ) 对比。", "SARSA(λ)"),
        # InfiniteBench written with the infinity sign
        ("在 ∞-Bench 与 ∞Bench 上评测长上下文能力。", "InfiniteBench"),
        # a set's official lower-case name, and its title case
        ("在 nocaps 与 Nocaps 上评测描述质量。", "NoCaps"),
        ("在 Amazon Sports and Outdoors 上评测。", "Amazon Sports"),
        # a chip's Max and Ultra editions are chips of their own, with or without the vendor
        ("实验覆盖 Apple M2-Ultra；在 M2-Ultra 上单核可达 30 tokens/s。", "Apple M2 Ultra"),
        ("在 MATH Lvl 5 上评测。", "MATH Level 5"),
        ("仅用一道题的 1-shot RLVR 即可提升推理。", "One-Shot RLVR"),
        # a label that holds a known model's name, before its acronym: only the set
        ("训练数据扩展到 AlphaFold 数据库（AFDB）中的预测结构。", "AlphaFold DB"),
        # techniques named half in Chinese
        ("采用 Nesterov 动量加速。", "Nesterov Accelerated Gradient"),
        ("基于个性化 PageRank 做多跳检索。", "Personalized PageRank"),
        ("借鉴 Matryoshka 表示学习。", "Matryoshka Representation Learning"),
        ("用 Borda 计数汇总排名。", "Borda Count"),
        ("优于 NTK-aware 缩放等外推方法。", "NTK-aware scaling"),
        # benchmarks by their long names, not a maker and a plain word
        ("在 Berkeley Function-Calling Benchmark 上评测。", "BFCL"),
        ("在 HuggingFace Open LLM Leaderboard 上评测。", "Open LLM Leaderboard"),
        ("在 UCR Anomaly Archive 上评测。", "UCR Anomaly Archive"),
        ("逻辑谜题来自 Reasoning Gym。", "Reasoning Gym"),
        ("发布 xlam-function-calling-60k 数据。", "xLAM-function-calling-60k"),
        # Magicoder's two instruction sets, not the model
        ("基于 Magicoder-OSS-Instruct 中的代码片段生成问题。", "Magicoder-OSS-Instruct-75K"),
    ],
)
def test_extract_kb_known_spellings_are_one_entity(text: str, name: str) -> None:
    found = by_name(extract(usage=text))
    assert set(found) == {name}, sorted(found)


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("Google Search API", "Google Search"),
        ("RCSB PDB", "Protein Data Bank"),
        ("NTK-Aware Scaled RoPE", "NTK-aware scaling"),
        ("Franka Emika", "Franka Emika Panda"),
        # the error rate of speech and singing, not the replay buffer
        ("PER", "Phone Error Rate"),
    ],
)
def test_extract_kb_spelling_is_an_alias_of_the_entry(spelling: str, name: str) -> None:
    assert resources().kb_alias[key_of(spelling)].name == name


@pytest.mark.parametrize("text", ["理解与生成之间不存在信息瓶颈。", "摆脱了时长预测与强制对齐。"])
def test_extract_kb_chinese_plain_words_of_english_named_techniques(text: str) -> None:
    assert extract(usage=text).entities == ()


@pytest.mark.parametrize(
    "name",
    ["RetNet", "Gated DeltaNet", "HGRN2", "Transformer++", "Mamba", "BitNet b1.58", "BitNet a4.8"],
)
def test_extract_kb_sequence_architectures_are_models(name: str) -> None:
    # named architectures compared as trained models, like Mamba and RWKV
    found = by_name(extract(results=f"优于 {name} 与 Samba 等线性循环模型。"))
    assert found[name].etype == "Model", sorted(found)


def test_extract_kb_glued_spelling_keeps_letter_hyphens() -> None:
    # `Agent S` must not become the plural word `Agents`
    assert "Agent S" not in by_name(extract(usage="深度研究智能体（Deep Research Agents）。"))


@pytest.mark.parametrize(
    "text",
    [
        "推理延迟约 410ms，吞吐量提升 1.7 倍。",
        # `敏感度` is how strongly one thing reacts to another, not the diagnostic measure
        "发现不同维度对插值的敏感度不同。",
        "利用 Hessian 矩阵计算权重敏感度。",
        # a ratio of a signal is no named measure
        "训练时随机混入噪声，信噪比在 -5 dB 到 20 dB 之间采样。",
    ],
)
def test_extract_kb_bare_chinese_property_is_no_metric(text: str) -> None:
    assert extract(results=text).entities == ()


def test_extract_kb_test_split_is_no_set() -> None:
    # NAVSIM's test split is no benchmark of its own
    assert set(by_name(extract(results="在 navtest 上 PDMS 达到 91.2。"))) == {"PDMS"}


def test_extract_kb_accuracy_on_a_subset_is_accuracy() -> None:
    # the accuracy on a part of a benchmark, not the multi-label Subset Accuracy
    assert set(by_name(extract(results="纯文本子集准确率 27.9%。"))) == {"Accuracy"}


def test_extract_kb_chinese_diagnostic_sensitivity_is_a_metric() -> None:
    found = by_name(extract(results="模型的灵敏度为 0.91，特异度为 0.88。"))
    assert found["Sensitivity"].etype == "Metric", sorted(found)


def test_kb_every_pattern_file_documented():
    """Each data file of kg/extract/patterns/ is described in that folder's README."""
    readme = (res_mod.PATTERNS_DIR / "README.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in res_mod.PATTERNS_DIR.iterdir() if p.suffix in {".tsv", ".txt"})
    assert files
    assert [f for f in files if f"`{f}`" not in readme] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("AIME'25 提升 **+11.04**、AIME'24 提升 **+7.71**。", "AIME 2024"),
        ("在 KITTI'15 上评估光流。", "KITTI 2015"),
    ],
)
def test_extract_kb_year_after_an_apostrophe_finds_the_benchmark(text: str, name: str) -> None:
    found = by_name(extract(results=text))
    assert found[name].etype == "Benchmark", sorted(found)


def test_extract_kb_attention_variants_listed_together_are_methods() -> None:
    found = by_name(extract(results="证明 MHA、MQA 与 GQA 都是 TPA 的特例。"))
    for name in ("Multi-Head Attention", "Multi-Query Attention", "Grouped-Query Attention"):
        assert found[name].etype == "Method", sorted(found)


@pytest.mark.parametrize(
    ("title", "absent"),
    [
        # a short capital spelling matches only as written, in the title too
        ("Ovis: Structural Embedding Alignment for Multimodal Large Language Model", "OVIS"),
    ],
)
def test_extract_kb_title_name_matches_short_capitals_exactly(title: str, absent: str) -> None:
    found = by_name(extract(title=title, usage="提供 Ovis-7B 与 Ovis-14B。"))
    assert absent not in found and "Ovis" in found, sorted(found)


def test_extract_kb_no_entry_is_a_stop_term() -> None:
    """A name both curated and stoplisted is dead: the stoplist wins. Only units after a
    number (`24 FPS`) and the `L4` level, which hardware context rescues, are both."""
    res = resources()
    both = {
        e.name for e in res.kb.values() if is_stop(res, e.name) and not is_stop_unit(res, e.name)
    }
    assert both == {"L4"}


def test_extract_kb_lab_named_with_its_company_is_one_organisation() -> None:
    found = by_name(extract(contribution="Meta FAIR 提出一种优化方法。"))
    assert "Meta FAIR" in labels(found["Meta"])


def test_extract_kb_standard_splits_are_the_corpus() -> None:
    found = by_name(extract(results="在 LibriSpeech test-clean 与 test-other 上 WER 最低。"))
    assert set(found) == {"LibriSpeech", "WER"}
    assert {"LibriSpeech test-clean", "test-other"} <= labels(found["LibriSpeech"])


@pytest.mark.parametrize(
    "term", ["自适应策略优化", "多头注意力", "动态采样", "平衡准确率", "质量过滤", "新框架"]
)
def test_extract_kb_chinese_ending_is_the_longest_listed(term: str) -> None:
    res = resources()
    endings = [p for p in res.zh_suffix_type if term.endswith(p[0])]
    assert endings
    assert zh_ending(res, term) == max(endings, key=lambda p: len(p[0]))


@pytest.mark.parametrize(
    ("text", "names", "label"),
    [
        # another corpus's split is no LibriSpeech
        ("在 LibriTTS 的 test-clean 子集上取得 4.05 的 UTMOS。", {"LibriTTS", "UTMOS"}, None),
        # a variant with its split is one name
        (
            "在 LibriSpeech-PC test-clean 上 WER 更低。",
            {"LibriSpeech-PC", "WER"},
            "LibriSpeech-PC test-clean",
        ),
        # a bare split, or LibriSpeech's own, is LibriSpeech
        ("在 test-clean 与 test-other 上 WER 为 2.1/4.3。", {"LibriSpeech", "WER"}, "test-other"),
        ("LibriSpeech 的 test-clean 子集上 WER 为 2.1。", {"LibriSpeech", "WER"}, None),
    ],
)
def test_extract_kb_a_split_belongs_to_the_corpus_named_before_it(
    text: str, names: set[str], label: str | None
) -> None:
    found = by_name(extract(results=text))
    assert set(found) == names
    if label is not None:
        assert any(label in labels(e) for e in found.values())


@pytest.mark.parametrize(
    "text",
    [
        "由腾讯AI Lab 发布。",
        # a space where the script changes is spelling
        "由腾讯 AI Lab 发布。",
    ],
)
def test_extract_kb_chinese_alias_with_or_without_a_space_between_scripts(text: str) -> None:
    assert by_name(extract(usage=text))["Tencent AI Lab"].etype == "Organization"


@pytest.mark.parametrize(
    ("text", "name", "known"),
    [
        ("与 GShard 2.9B 对比。", "GShard 2.9B", "GShard"),
        ("与 BitNet b1.58 3B 对比。", "BitNet b1.58 3B", "BitNet b1.58"),
    ],
)
def test_extract_kb_technique_with_a_parameter_count_is_a_model(
    text: str, name: str, known: str
) -> None:
    found = by_name(extract(results=text))
    assert found[name].etype == "Model"
    assert known not in found


@pytest.mark.parametrize(
    ("text", "names", "org"),
    [
        # a maker's name with a parameter count is its model
        (
            "性能与 DeepSeek 7B 相当，优于 DeepSeek 67B 与 DeepSeek 7B Chat。",
            {"DeepSeek 7B", "DeepSeek 67B", "DeepSeek 7B Chat"},
            False,
        ),
        # a count of anything else leaves the maker alone
        ("DeepSeek 发布了 8 个模型。", set(), True),
    ],
)
def test_extract_kb_maker_with_a_parameter_count_is_a_model(
    text: str, names: set[str], org: bool
) -> None:
    found = by_name(extract(results=text))
    assert all(found[n].etype == "Model" for n in names)
    assert ("DeepSeek" in found) is org


def test_extract_kb_chat_model_of_a_series_is_its_own_entity() -> None:
    found = by_name(extract(results="对比 GPT-3.5 与 GPT-3.5-Turbo，以及 gpt-3.5-turbo-0125。"))
    assert {"GPT-3.5", "GPT-3.5 Turbo", "GPT-3.5-Turbo-0125"} <= set(found), sorted(found)


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # IoU variants are overlap measures, in referring segmentation and as rewards
        ("在 RefCOCO 上的 cIoU 达到 81.6，gIoU 提升 7.2。", "CIoU", "Metric"),
        ("在 RefCOCO 上的 cIoU 达到 81.6，gIoU 提升 7.2。", "GIoU", "Metric"),
        ("奖励由格式奖励和基于 GIoU 的定位奖励组成。", "GIoU", "Metric"),
        # CLAP scored, or listed with measures, is the CLAP Score; as an encoder, the model
        ("CLAP 分数 0.41。", "CLAP Score", "Metric"),
        ("在 AudioCaps 上，FAD 1.62、KL 1.28、CLAP 得分 0.46。", "CLAP Score", "Metric"),
        ("用 CLAP 模型计算音频文本相似度。", "CLAP", "Model"),
        # a homonym given a value is its measure sense; pretrained with, the model
        ("在 LVEF 估计上，最佳多模态大模型的 MAE 为 9.7%。", "Mean Absolute Error", "Metric"),
        ("P 波拾取残差 MAE 0.021 秒。", "Mean Absolute Error", "Metric"),
        ("能量与力的 MAE 均低于 MACE-OFF。", "Mean Absolute Error", "Metric"),
        ("以 MAE 预训练的 ViT-B 为骨干，MAE 提升了表征。", "MAE", "Method"),
        ("以 MAE 预训练的 ViT-B 为骨干。", "MAE", "Method"),
        # typed as the development annotators type them: control modules and SLAM systems
        # are techniques, released model series are models
        ("与 CameraCtrl、MotionCtrl 等相机控制方法相比更一致。", "CameraCtrl", "Method"),
        ("轨迹精度接近 DROID-SLAM。", "DROID-SLAM", "Method"),
        ("长视频生成优于 LongLive。", "LongLive", "Model"),
        # model-based RL algorithms are techniques, like DreamerV3
        ("沿用 MuZero 的表示-动力学-预测网络结构。", "MuZero", "Method"),
        ("明显超过 DreamerV3 和 BBF。", "BBF", "Method"),
        ("对比 SimpleRL-Zoo 系列。", "SimpleRL-Zoo", "Model"),
        ("记忆层优于 Mem0 与 Zep。", "Mem0", "Method"),
        # a model family and the training technique it was made with are two entries
        ("据此训练的 Rho-1 模型仅用极少的 token。", "Rho-1", "Model"),
        (
            "提出选择性语言建模（Selective Language Modeling）。",
            "Selective Language Modeling",
            "Method",
        ),
        ("效果与 LongChat、LongLoRA 相当。", "LongChat", "Model"),
        # zero-RL checkpoints and a medical model are models, whatever list they stand in
        (
            "比此前的 Zero-RL 方法（SimpleRL-Zoo、Oat-Zero、PRIME-Zero 等）更好。",
            "Oat-Zero",
            "Model",
        ),
        (
            "比此前的 Zero-RL 方法（SimpleRL-Zoo、Oat-Zero、PRIME-Zero 等）更好。",
            "PRIME-Zero",
            "Model",
        ),
        ("优于 LLaVA-Med、MedDr 等医学方法。", "MedDr", "Model"),
        # measures by their Chinese names
        ("PANDA 分级的二次加权 Kappa 为 0.931。", "Quadratic Weighted Kappa", "Metric"),
        ("CATH 4.2 测试集上序列恢复率为 56.8%。", "Amino Acid Recovery", "Metric"),
        ("在 HellaSwag 上的归一化准确率为 80.1。", "Normalized Accuracy", "Metric"),
        ("与人工评分的 Spearman 相关为 0.81。", "Spearman Correlation", "Metric"),
    ],
)
def test_extract_kb_known_name_takes_its_type(text: str, name: str, etype: str) -> None:
    found = by_name(extract(results=text))
    assert found[name].etype == etype, sorted(found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("在可灵活切换状态的环境中执行动作。", False),  # 可灵活: flexibly
        ("先做高通滤波，再提取边缘。", False),  # high-pass filtering
        ("与可灵生成的视频对比。", True),
    ],
)
def test_extract_kb_ordinary_word_holding_a_chinese_name(text: str, found: bool) -> None:
    names = by_name(extract(usage=text))
    assert ("Kling" in names or "Qualcomm" in names) is found
