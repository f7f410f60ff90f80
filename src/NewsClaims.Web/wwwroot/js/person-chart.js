// Statements per month on a person's page. The figures come from data attributes (no inline script),
// and the same figures are in a table beside the chart for screen readers and for anyone without JavaScript.
(function () {
    'use strict';
    var canvas = document.getElementById('statements-per-month');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }

    var labels = (canvas.dataset.labels || '').split('|');
    var counts = (canvas.dataset.counts || '').split('|').map(Number);
    var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: labels,
            datasets: [{ label: 'Statements', data: counts, backgroundColor: '#0b5cad', borderWidth: 0, maxBarThickness: 48 }]
        },
        options: {
            animation: reduceMotion ? false : { duration: 300 },
            maintainAspectRatio: false,
            plugins: { legend: { display: false } },
            scales: {
                x: { ticks: { autoSkip: true, maxTicksLimit: 12, color: '#454b55' }, grid: { display: false } },
                y: { beginAtZero: true, ticks: { precision: 0, color: '#454b55' } }
            }
        }
    });
})();
