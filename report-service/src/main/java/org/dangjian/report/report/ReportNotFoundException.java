package org.dangjian.report.report;

/** Neither a projection nor an organisation is known for the id. */
public class ReportNotFoundException extends RuntimeException {

    public ReportNotFoundException(String orgId, int year) {
        super("未找到组织 " + orgId + " 的" + year + "年度数据");
    }
}
