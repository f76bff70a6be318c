tp.visit("^/blog/[^/?#]*/$",["pe123_visit_event",[["post","string","title"],["at","datetime","now"],]]);
