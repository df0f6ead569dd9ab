package org.dangjian.review.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.dangjian.review.config.ReviewProperties;
import org.dangjian.review.problem.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps request bodies (default 1 MB): a declared length above the cap is refused at once with 413; a chunked body
 * is cut off while being read, which the JSON reader reports and {@link ProblemHandler} turns into 413.
 */
@Component
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long max;

    public RequestSizeLimit(ReviewProperties props) {
        this.max = props.maxRequestBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > max) {
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"" + ProblemException.PREFIX + "payload-too-large\","
                    + "\"title\":\"Payload too large\",\"status\":413,\"detail\":\"" + message()
                    + "\",\"errors\":[{\"field\":\"body\",\"reason\":\"" + message() + "\"}]}");
            return;
        }
        chain.doFilter(new Limited(request, max), response);
    }

    private String message() {
        return "请求体超过上限 " + max + " 字节";
    }

    /** Thrown while reading a body that grows past the cap. */
    public static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("请求体超过上限 " + max + " 字节");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > max) {
                            throw new TooLarge(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
