// The charts of the staff dashboard (/gestion), drawn by Chart.js (wwwroot/lib/chart.js, no CDN).
// The CSP allows no inline script: the figures come from the page's <script type="application/json"> block,
// and each <canvas data-series="…"> says which series it draws. The same figures are in the tables below each chart.
(function () {
    'use strict';

    var block = document.getElementById('donnees-tableau-de-bord');
    if (!block || typeof window.Chart === 'undefined') {
        return;
    }

    var data = JSON.parse(block.textContent);
    var euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    var wholeEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    var rootStyle = window.getComputedStyle(document.documentElement);

    function color(variable, fallback) {
        var value = variable ? rootStyle.getPropertyValue(variable).trim() : '';
        return value || fallback;
    }

    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-series]'), function (canvas) {
        var values = data[canvas.getAttribute('data-series')];
        if (!Array.isArray(values)) {
            return;
        }

        var ink = color('--muted', '#4f5b6a');
        new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: data.labels,
                datasets: [{
                    label: canvas.getAttribute('data-label') || '',
                    data: values,
                    backgroundColor: color(canvas.getAttribute('data-color'), '#1d4e89'),
                    borderRadius: 3,
                }],
            },
            options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                locale: 'fr-FR',
                plugins: {
                    legend: { display: false },
                    tooltip: {
                        callbacks: {
                            label: function (item) {
                                return item.dataset.label + ' : ' + euros.format(item.parsed.y);
                            },
                        },
                    },
                },
                scales: {
                    x: { ticks: { color: ink } },
                    y: {
                        beginAtZero: true,
                        ticks: {
                            color: ink,
                            callback: function (value) {
                                return wholeEuros.format(value);
                            },
                        },
                    },
                },
            },
        });
        canvas.setAttribute('data-drawn', 'true');
    });
})();
