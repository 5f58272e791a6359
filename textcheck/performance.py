"""绩效目标表 parsing (placeholder; the performance-targets issue fills it)."""


def parse_performance_tables(document, lexicon):
    return []
