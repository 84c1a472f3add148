/** Reports: scores per principle over a range, trends, the cross-team heatmap and CSV export, with the privacy rule. */
package dev.nudge.reports;
