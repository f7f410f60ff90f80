// Editors: select words of the article to annotate them. The offsets are counted in the article's own text:
// each paragraph carries its start (data-o), and the screen-reader details inside highlights are not article text.
(function () {
  "use strict";
  var text = document.querySelector(".article-text");
  var form = document.querySelector("form.passage-note");
  if (!text || !form) { return; }

  function isArticleText(node) {
    for (var el = node.parentElement; el && el !== text; el = el.parentElement) {
      if (el.classList.contains("visually-hidden")) { return false; }
    }
    return true;
  }

  // The article offset of (node, offset): the paragraph's start plus the article characters before it in the paragraph.
  function offsetOf(node, offset) {
    var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    var paragraph = element && element.closest("p[data-o]");
    if (!paragraph || !text.contains(paragraph)) { return null; }
    var walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    var count = 0;
    for (var current = walker.nextNode(); current; current = walker.nextNode()) {
      if (current === node) { return parseInt(paragraph.dataset.o, 10) + count + (isArticleText(current) ? offset : 0); }
      if (node.nodeType === Node.ELEMENT_NODE && node.contains(current)) { break; }
      if (isArticleText(current)) { count += current.data.length; }
    }
    return node.nodeType === Node.ELEMENT_NODE ? parseInt(paragraph.dataset.o, 10) + count : null;
  }

  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) { return; }
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) { return; }
    form.elements.Start.value = start;
    form.elements.End.value = end;
    form.querySelector(".quote").textContent = selection.toString().slice(0, 300);
    form.hidden = false;
  });
})();
