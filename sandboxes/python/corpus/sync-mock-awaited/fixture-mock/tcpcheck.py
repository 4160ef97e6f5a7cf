async def check_all(connector, targets):
    results = {}
    for host, port in targets:
        results[(host, port)] = await connector.connect(host, port)
    return results
