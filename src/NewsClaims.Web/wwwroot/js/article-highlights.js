// Tooltips for highlighted statements: shown on hover and on keyboard focus, dismissed with Escape,
// and hoverable (WCAG 1.4.13). Screen readers already get the same details from each link's hidden text.
(function () {
    'use strict';
    var links = document.querySelectorAll('a.statement-link[data-tip]');
    if (links.length === 0) {
        return;
    }

    var tip = document.createElement('div');
    tip.className = 'statement-tip';
    tip.setAttribute('role', 'tooltip');
    tip.setAttribute('aria-hidden', 'true');
    tip.hidden = true;
    document.body.appendChild(tip);
    var current = null;
    var hideTimer = 0;

    function show(link) {
        window.clearTimeout(hideTimer);
        current = link;
        tip.textContent = link.getAttribute('data-tip');
        tip.hidden = false;
        var rect = link.getClientRects()[0] || link.getBoundingClientRect();
        var top = window.scrollY + rect.bottom + 6;
        var left = window.scrollX + Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - tip.offsetWidth - 8));
        tip.style.top = top + 'px';
        tip.style.left = left + 'px';
    }

    function hide() {
        tip.hidden = true;
        current = null;
    }

    function hideSoon() {
        window.clearTimeout(hideTimer);
        hideTimer = window.setTimeout(hide, 150);
    }

    links.forEach(function (link) {
        link.addEventListener('mouseenter', function () { show(link); });
        link.addEventListener('mouseleave', hideSoon);
        link.addEventListener('focus', function () { show(link); });
        link.addEventListener('blur', hide);
    });
    tip.addEventListener('mouseenter', function () { window.clearTimeout(hideTimer); });
    tip.addEventListener('mouseleave', hideSoon);
    document.addEventListener('keydown', function (e) {
        if (e.key === 'Escape' && current) {
            hide();
        }
    });

    // Arriving at /articles/{id}#s-{statementId}: the passage is the :target; bring its link into keyboard reach too.
    if (location.hash.indexOf('#s-') === 0) {
        var mark = document.getElementById(location.hash.slice(1));
        if (mark) {
            mark.classList.add('targeted');
        }
    }
})();
