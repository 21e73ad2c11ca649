//! `mistral-emulator --listen 127.0.0.1:8788`: serves the emulated API until Ctrl-C or SIGTERM.
//! The first line on stdout is `mistral-emulator listening on http://ADDR`.

use std::io::Write;
use std::time::Duration;

const USAGE: &str =
    "usage: mistral-emulator [--listen ADDR]   (default 127.0.0.1:8788; port 0 picks a free port)";

fn parse_args() -> Result<String, String> {
    let mut listen = "127.0.0.1:8788".to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" | "-l" => listen = args.next().ok_or("--listen needs an address")?,
            "--help" | "-h" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => match other.strip_prefix("--listen=") {
                Some(addr) => listen = addr.to_owned(),
                None => return Err(format!("unknown argument `{other}`")),
            },
        }
    }
    Ok(listen)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}

#[tokio::main]
async fn main() {
    let listen = match parse_args() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("mistral-emulator: {e}\n{USAGE}");
            std::process::exit(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(&listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("mistral-emulator: cannot listen on {listen}: {e}");
            std::process::exit(1);
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("mistral-emulator: {e}");
            std::process::exit(1);
        }
    };
    println!("mistral-emulator listening on http://{addr}");
    let _ = std::io::stdout().flush();

    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(mistral_emulator::serve_with_shutdown(
        listener,
        mistral_emulator::AppState::default(),
        async {
            let _ = rx.await;
        },
    ));
    shutdown_signal().await;
    eprintln!("mistral-emulator: stopping");
    let _ = tx.send(());
    // Open streams get a moment to finish; then the process ends anyway.
    let _ = tokio::time::timeout(Duration::from_secs(2), server).await;
}
